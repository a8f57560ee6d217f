/**
 * Inbound throughput: 200 simulated users pressing buttons ("seen") and replying to assignment
 * messages with progress notes, through the fake Bot API (Bale), against
 *   1. a bare grammY bot that only answers each update (what the transport alone costs), and
 *   2. the real app on SQLite (durable inbox, caller lookup, conversation storage, services).
 * The fake server and the users run in a worker thread, so the bot under test has its own core.
 *
 * Each bot first warms up, then is measured twice, for `--seconds` each:
 *   warm-up   `--warmup` seconds (default 10) as at capacity, printed but not the goal's figure:
 *             the users' first presses and notes change each item's status, and each such change
 *             edits the item's cards in every partner agency's chats through the outbox (a burst
 *             of sends the steady state does not have); it also warms the JIT. The measurements
 *             start once the outbox has sent what the warm-up queued;
 *   capacity  every user acts again as soon as answered: the updates/s the bot sustains;
 *   at rate   the users together act `--rate` times a second (default 300, the goal): the
 *             handling latency at that load. (At capacity, latency is only queueing: 200 users
 *             who never pause wait on each other whatever the bot does.)
 * Prints updates/s and their ratio, handling latency p50/p99 (inside the bot, from the update's
 * start to its end) and the users' round trip, the peak RSS of the process (the load generator's
 * thread included: one process) and the peak heap of the bot's thread.
 *
 * Run: npm run bench -- inbound [--seconds 30] [--warmup 10] [--users 200] [--rate 300] [--only bare|peygir]
 *      [--database sqlite|postgres] [--sql] [--profile FILE] [--heap-profile FILE]
 *   --database  where the app keeps its data (default sqlite); a PostgreSQL database is made for
 *               the run and dropped after it, as the tests do (test/support/databases.ts, which
 *               reads PEYGIR_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test);
 *   --sql       counts SQL statements per update;
 *   --profile   writes a CPU profile of each measured load, for Chrome DevTools;
 *   --heap-profile  writes an allocation profile of each measured load (collected objects
 *               included: what the GC has to clear), for Chrome DevTools.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { run } from "@grammyjs/runner";
import SqliteDatabase from "better-sqlite3";
import { Bot } from "grammy";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config/index.js";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { createLogger } from "../src/logging/logger.js";
import { ImportService } from "../src/services/importer/index.js";
import { TravelClock } from "../test/support/clock.js";
import { cleanUpRun, databaseTarget, type DatabaseName } from "../test/support/databases.js";
import pg from "pg";
import type { LoadReply, LoadRequest } from "./inbound-load.js";
import { argValue, MemorySampler, percentile, printTable } from "./support.js";
import { createI18n } from "../src/i18n/index.js";
import { Notifier } from "../src/services/notifications.js";

const BARE_TOKEN = "4444444444:bench-bare-DDDDDDDDDDDD";
const APP_TOKEN = "5555555555:bench-app-EEEEEEEEEEEE";
const FIXTURE = fileURLToPath(new URL("../fixtures/pardis.yaml", import.meta.url));
/** Wednesday 4 Azar 1405, 10:00 Tehran: office hours, so published messages leave at once. */
const OFFICE_MORNING = instantAt({ jy: 1405, jm: 9, jd: 4 }, 10 * HOUR_MS);

interface Options {
  seconds: number;
  warmupSeconds: number;
  users: number;
  rate: number;
  profile?: string;
  heapProfile?: string;
}

interface Measured {
  updatesPerSecond: number;
  /** CPU time of the bot's thread (the main thread) per update, in µs: steadier than a rate on a busy machine. */
  botCpuUsPerUpdate: number;
  updates: number;
  errors: number;
  handlingMs: number[];
  roundTripMs: number[];
}

interface BotResult {
  warmup: Measured;
  capacity: Measured;
  atRate: Measured;
  /** Of the whole process, the load generator's thread included. */
  peakRssMb: number;
  /** Of the bot's thread alone. */
  peakHeapMb: number;
}

/** A bot under test: its token, how its users find their cards, and the timings it records per update. */
interface Target {
  name: string;
  token: string;
  ids: number[];
  /** A user's cards are the bot messages with a button whose data starts with this… */
  pattern: string;
  /** …and the button pressed on them has data starting with this (the rest is the card's). */
  press: string;
  handlingMs: number[];
  /** Resolves when every update received so far has been handled (between measurements). */
  idle(): Promise<void>;
  /** Resolves when what the bot queued to send meanwhile has been sent (after the warm-up). */
  settled(): Promise<void>;
}

/** Loads a TypeScript module in a worker thread through tsx, as bin/peygir.js does for the CLI. */
function typescriptWorker(module: URL): Worker {
  const bootstrap = `const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}); register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

class LoadWorker {
  readonly #worker = typescriptWorker(new URL("./inbound-load.ts", import.meta.url));

  call<T extends LoadReply["type"]>(request: LoadRequest): Promise<Extract<LoadReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.#worker.once("message", (reply: LoadReply) =>
        reply.type === "error" ? reject(new Error(reply.message)) : resolve(reply as Extract<LoadReply, { type: T }>),
      );
      this.#worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.call({ type: "close" });
    await this.#worker.terminate();
  }
}

/** The pardis group, plus a liaison per simulated user spread over its agencies, each with a Bale chat. */
async function prepareDatabase(url: string, ids: number[]): Promise<void> {
  await migrateDatabase(url);
  const database = await openDatabase(url);
  try {
    const imported = await new ImportService(
      database.prisma,
      new TravelClock(OFFICE_MORNING),
      new Notifier(createI18n(() => undefined) as never),
    ).importFile(FIXTURE);
    if (!imported.ok) throw new Error("the pardis fixture did not import");
    const agencies = await database.prisma.agency.findMany({ orderBy: { id: "asc" } });
    // A few statements whatever the number of users (row by row, PostgreSQL on a busy machine
    // outlasted the interactive transaction's 5 s).
    const phoneOf = (i: number) => `+98913${String(i).padStart(7, "0")}`;
    await database.prisma.person.createMany({ data: ids.map((_, i) => ({ name: `کارشناس ${i + 1}`, phone: phoneOf(i) })) });
    const people = await database.prisma.person.findMany({
      where: { phone: { in: ids.map((_, i) => phoneOf(i)) } },
      select: { id: true, phone: true },
    });
    const personOf = new Map(people.map((p) => [p.phone, p.id]));
    await database.prisma.membership.createMany({
      data: ids.map((_, i) => {
        const agency = agencies[i % agencies.length]!;
        return { personId: personOf.get(phoneOf(i))!, role: "liaison", agencyId: agency.id, scopeKey: `agency:${agency.id}` };
      }),
    });
    await database.prisma.chatIdentity.createMany({
      data: ids.map((id, i) => ({ personId: personOf.get(phoneOf(i))!, platform: "bale", userId: String(id), chatId: String(id) })),
    });
  } finally {
    await database.close();
  }
}

/**
 * Writes a CPU profile (`--profile`) or an allocation profile (`--heap-profile`: every sampled
 * allocation, those the GC collected included, i.e. what makes the GC work) of this thread while
 * `during` runs.
 */
async function profiled<T>(files: { cpu?: string | undefined; heap?: string | undefined }, during: () => Promise<T>): Promise<T> {
  if (!files.cpu && !files.heap) return during();
  const session = new Session();
  session.connect();
  if (files.cpu) {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  if (files.heap) {
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 32_768,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  }
  try {
    return await during();
  } finally {
    if (files.cpu) writeFileSync(files.cpu, JSON.stringify((await session.post("Profiler.stop")).profile));
    if (files.heap) writeFileSync(files.heap, JSON.stringify((await session.post("HeapProfiler.stopSampling")).profile));
    session.disconnect();
  }
}

/**
 * CPU time (user + system) of this process's main thread, where the bot under test runs, in ms:
 * from /proc (Linux), at its 10 ms resolution; NaN elsewhere. The load generator's thread and V8's
 * helper threads are not in it.
 */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

async function measure(
  worker: LoadWorker,
  target: Target,
  options: Options,
  phase: "warmup" | "capacity" | "rate",
  perUserPerSecond?: number,
): Promise<Measured> {
  // Updates still under way from the previous measurement must not count in this one.
  await target.idle();
  target.handlingMs.length = 0;
  const measured = phase !== "warmup";
  const profiles = {
    cpu: options.profile && measured ? `${options.profile}.${target.name}.${phase}.cpuprofile` : undefined,
    heap: options.heapProfile && measured ? `${options.heapProfile}.${target.name}.${phase}.heapprofile` : undefined,
  };
  const request: LoadRequest = {
    type: "load",
    token: target.token,
    ids: target.ids,
    seconds: phase === "warmup" ? options.warmupSeconds : options.seconds,
    pattern: target.pattern,
    press: target.press,
    ...(perUserPerSecond ? { perUserPerSecond } : {}),
  };
  const cpuBefore = mainThreadCpuMs();
  const loaded = await profiled(profiles, () => worker.call<"loaded">(request));
  const cpuMs = mainThreadCpuMs() - cpuBefore;
  return {
    updatesPerSecond: loaded.actions / loaded.seconds,
    botCpuUsPerUpdate: (cpuMs * 1000) / Math.max(1, loaded.actions),
    updates: loaded.actions,
    errors: loaded.errors,
    handlingMs: [...target.handlingMs],
    roundTripMs: loaded.latenciesMs,
  };
}

/** The warm-up, capacity, then the goal's rate; the peak RSS over all three. */
async function measureBoth(worker: LoadWorker, target: Target, options: Options): Promise<BotResult> {
  const memory = new MemorySampler();
  try {
    const warmup = await measure(worker, target, options, "warmup");
    await target.idle();
    await target.settled();
    const capacity = await measure(worker, target, options, "capacity");
    const atRate = await measure(worker, target, options, "rate", options.rate / target.ids.length);
    return { warmup, capacity, atRate, peakRssMb: memory.peakRssMb, peakHeapMb: memory.peakHeapMb };
  } finally {
    memory.stop();
  }
}

async function bareBot(worker: LoadWorker, apiRoot: string, ids: number[], options: Options): Promise<BotResult> {
  let inFlight = 0;
  const target: Target = {
    name: "bare",
    token: BARE_TOKEN,
    ids,
    pattern: "b:",
    press: "b:",
    handlingMs: [],
    async idle() {
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    // It sends nothing but its answers.
    settled: async () => {},
  };
  const bot = new Bot(BARE_TOKEN, { client: { apiRoot } });
  bot.use(async (_ctx, next) => {
    const started = performance.now();
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      target.handlingMs.push(performance.now() - started);
    }
  });
  // Bale sends commands as plain text, without a bot_command entity.
  bot.hears(/^\/start/, (ctx) => ctx.reply("سلام", { reply_markup: { inline_keyboard: [[{ text: "رویت شد", callback_data: "b:ack" }]] } }));
  bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());
  bot.on("message", (ctx) => ctx.reply("ثبت شد"));
  await bot.init();
  const runner = run(bot);
  try {
    // Each user's one card comes from /start.
    await worker.call({ type: "kickoff", token: BARE_TOKEN, ids, text: "/start", pattern: "b:", timeoutMs: 30_000 });
    return await measureBoth(worker, target, options);
  } finally {
    await runner.stop();
  }
}

async function realApp(
  worker: LoadWorker,
  apiRoot: string,
  url: string,
  ids: number[],
  options: Options,
  statements?: Map<string, number>,
): Promise<BotResult & { statementsPerUpdate?: [string, string][] }> {
  const config = loadConfig({
    BALE_BOT_TOKEN: APP_TOKEN,
    BALE_API_ROOT: apiRoot,
    DATABASE_URL: url,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    BALE_RATE_PER_SECOND: "1000",
    BALE_RATE_PER_CHAT_PER_SECOND: "1000",
  });
  const app = await startApp({ config, logger: createLogger("silent"), clock: new TravelClock(OFFICE_MORNING), skipMigrations: true });
  try {
    // The users' cards are the assignment messages of the pardis meeting; "seen" is pressed on them,
    // found by their progress button (which stays when "seen" goes).
    await app.services.publishing.publish({ meetingNumber: "1405-08", actor: { kind: "cli" } });
    await worker.call({ type: "await-cards", token: APP_TOKEN, ids, pattern: "a:prg:", timeoutMs: 120_000 });
    const processor = app.platforms[0]!.processor;
    const target: Target = {
      name: "peygir",
      token: APP_TOKEN,
      ids,
      pattern: "a:prg:",
      press: "a:ack:",
      handlingMs: [],
      idle: () => processor.idle(),
      async settled() {
        const deadline = Date.now() + 120_000;
        while ((await app.database.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
          if (Date.now() > deadline) throw new Error("the outbox did not send what the warm-up queued within 2 minutes");
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    };
    // Time each update from the inbox to its completion, as the app records it.
    const process = processor.process.bind(processor);
    processor.process = async (update) => {
      const started = performance.now();
      await process(update);
      target.handlingMs.push(performance.now() - started);
    };
    statements?.clear();
    const result = await measureBoth(worker, target, options);
    if (!statements) return result;
    const updates = result.warmup.updates + result.capacity.updates + result.atRate.updates;
    const top = [...statements.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
    return { ...result, statementsPerUpdate: top.map(([sql, n]) => [(n / updates).toFixed(2), sql]) };
  } finally {
    await app.stop();
  }
}

/**
 * Counts the SQL statements the bot runs, for `--sql`: which statements run how often per update
 * is the first thing to look at. Counted where better-sqlite3 runs a statement (its statements
 * are kept and reused, db/serialized-sqlite.ts, so counting prepares would miss most).
 */
function countStatements(database: DatabaseName): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (sql: string) => {
    const key = sql
      .replace(/\s+/g, " ")
      .replace(/`main`\./g, "")
      .slice(0, 140);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  if (database === "postgres") {
    const proto = pg.Client.prototype as unknown as { query(config: unknown, ...rest: unknown[]): unknown };
    const query = proto.query;
    proto.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
      const text = typeof config === "string" ? config : (config as { text?: string } | undefined)?.text;
      if (text) count(text);
      return query.call(this, config, ...rest);
    };
    return counts;
  }
  const probe = new SqliteDatabase(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<"run" | "all" | "get", (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ["run", "all", "get"] as const) {
    const original = proto[method];
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      count(this.source);
      return original.apply(this, args);
    };
  }
  return counts;
}

const ms = (values: number[], p: number) =>
  `${percentile(
    [...values].sort((a, b) => a - b),
    p,
  ).toFixed(1)} ms`;

function rows(name: string, r: BotResult, rate: number): [string, string][] {
  return [
    [`${name}: warm-up, first presses (updates/s; not the goal)`, r.warmup.updatesPerSecond.toFixed(0)],
    [`${name}: capacity (updates/s)`, r.capacity.updatesPerSecond.toFixed(0)],
    [`${name}:   bot thread's CPU per update at capacity`, `${r.capacity.botCpuUsPerUpdate.toFixed(0)} µs`],
    [`${name}:   handling p50 / p99 at capacity`, `${ms(r.capacity.handlingMs, 50)} / ${ms(r.capacity.handlingMs, 99)}`],
    [`${name}: at ${rate} updates/s offered: achieved`, `${r.atRate.updatesPerSecond.toFixed(0)} updates/s`],
    [`${name}:   handling p50 / p99`, `${ms(r.atRate.handlingMs, 50)} / ${ms(r.atRate.handlingMs, 99)}`],
    [`${name}:   users' round trip p50 / p99`, `${ms(r.atRate.roundTripMs, 50)} / ${ms(r.atRate.roundTripMs, 99)}`],
    [
      `${name}: updates, errors (all phases)`,
      `${r.warmup.updates + r.capacity.updates + r.atRate.updates}, ${r.warmup.errors + r.capacity.errors + r.atRate.errors}`,
    ],
    [`${name}: peak RSS (process) / heap (bot's thread)`, `${r.peakRssMb.toFixed(0)} MB / ${r.peakHeapMb.toFixed(0)} MB`],
  ];
}

export async function runInboundBench(args: string[]): Promise<void> {
  const options: Options = {
    seconds: Number(argValue(args, "--seconds") ?? 30),
    warmupSeconds: Number(argValue(args, "--warmup") ?? 10),
    users: Number(argValue(args, "--users") ?? 200),
    rate: Number(argValue(args, "--rate") ?? 300),
    ...(argValue(args, "--profile") ? { profile: argValue(args, "--profile")! } : {}),
    ...(argValue(args, "--heap-profile") ? { heapProfile: argValue(args, "--heap-profile")! } : {}),
  };
  const only = argValue(args, "--only");
  const database = argValue(args, "--database") ?? "sqlite";
  if (database !== "sqlite" && database !== "postgres") throw new Error(`--database: expected sqlite or postgres, not "${database}"`);
  const statements = args.includes("--sql") ? countStatements(database) : undefined;
  const made = await databaseTarget(database).create();
  const url = made.url;
  const bareIds = Array.from({ length: options.users }, (_, i) => 8_000_000 + i);
  const appIds = Array.from({ length: options.users }, (_, i) => 9_000_000 + i);
  await prepareDatabase(url, appIds);

  const worker = new LoadWorker();
  try {
    const { url: apiRoot } = await worker.call<"started">({
      type: "start",
      bots: [
        { token: BARE_TOKEN, username: "bare_bench_bot" },
        { token: APP_TOKEN, username: "peygir_bench_bot" },
      ],
    });
    await worker.call({ type: "users", token: BARE_TOKEN, ids: bareIds });
    await worker.call({ type: "users", token: APP_TOKEN, ids: appIds });
    const bare = only === "peygir" ? undefined : await bareBot(worker, apiRoot, bareIds, options);
    const app = only === "bare" ? undefined : await realApp(worker, apiRoot, url, appIds, options, statements);
    printTable(
      `inbound benchmark: ${options.users} users, ${options.seconds} s per measurement, "seen" presses and progress replies (Bale, ${database === "sqlite" ? "SQLite" : "PostgreSQL"})`,
      [
        ...(bare ? rows("bare grammY", bare, options.rate) : []),
        ...(app ? rows("peygir", app, options.rate) : []),
        ...(bare && app
          ? [["peygir ÷ bare (capacity)", (app.capacity.updatesPerSecond / bare.capacity.updatesPerSecond).toFixed(3)] as [string, string]]
          : []),
        ["goal (issue 15)", "capacity ≥ 1,000 updates/s and ≥ 0.2 of bare grammY; handling p99 ≤ 50 ms at 300 updates/s"],
      ],
    );
    if (app?.statementsPerUpdate) printTable("SQL statements per update (peygir)", app.statementsPerUpdate);
  } finally {
    await worker.close();
    await made.drop();
    await cleanUpRun();
  }
}
