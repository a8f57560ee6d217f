/**
 * A province on one machine: 10,000 agencies, 40,000 people bound on Telegram (a head and three
 * liaisons per agency) and 200,000 assignments loaded, then a meeting of one resolution for every
 * agency published (10,000 new assignments, 40,000 messages). The bot runs in its own process
 * (bench/scale-bot.ts: startApp, as `peygir start`) against the fake Bot API, which runs here and
 * enforces the platform's limit with 429s.
 *
 * The bot is measured as deployed: compiled by tsc (bench/tsconfig.scale.json, the production build's
 * options, into dist/scale-bench/, incrementally) and run by plain node, as the Docker image runs
 * dist/ through bin/peygir.js. Through tsx (`--bot-runtime tsx`) its RSS is some 50 MB higher: the
 * transpiler and its source maps, which production never loads. Prints:
 *   - the bot's RSS at rest (VmRSS from /proc/<pid>/status, sampled over a few seconds), goal < 200 MB;
 *   - its peak RSS while publishing and while delivering (sampled every 50 ms; VmHWM as a check), goal < 300 MB;
 *   - the publish time, from the call to the commit of every outbox row, goal < 30 s;
 *   - the delivery rate over the first --window seconds of sending, as a ratio of the limit, goal ~1,
 *     and over the --window seconds after publishing ended (sending starts with its first chunk).
 * Run: npm run bench -- scale [--database sqlite|postgres] [--agencies N] [--assignments N]
 *        [--resolutions N (each for every agency)] [--rate R] [--window S] [--bot-runtime node|tsx]
 *        [--bot-node-args "…"]
 */
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { YOUNG_GENERATION_FLAG } from "../src/shared/heap.js";
import { HOUR_MS, instantAt } from "../src/domain/calendar/index.js";
import { startFakeBotApi } from "../test/fake-bot-api/server.js";
import type { FromBot, ToBot } from "./scale-bot.js";
import { seedCommittee } from "./seed.js";
import { argValue, benchDatabase, printTable } from "./support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "5555555555:bench-scale-token-EEEEEEEEEE";
const CONTACTS_PER_AGENCY = 4;
/** Wednesday 1405/09/04 09:00 Tehran: office hours, so the publication's messages leave at once. */
const CLOCK_START = instantAt({ jy: 1405, jm: 9, jd: 4 }, 9 * HOUR_MS);
const DEADLINE = instantAt({ jy: 1405, jm: 10, jd: 30 }, 14 * HOUR_MS);

/**
 * How the bot's process is started: `node` (the default) compiles src/ and bench/scale-bot.ts with
 * the production build's options and runs the output with plain node, as deployed; `tsx` runs the
 * sources through tsx, as `npm start` from a clone does.
 */
function botCommand(runtime: string): string[] {
  if (runtime === "tsx") return ["--import", "tsx", path.join(ROOT, "bench", "scale-bot.ts")];
  if (runtime !== "node") throw new Error(`unknown --bot-runtime "${runtime}" (expected node or tsx)`);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "bench", "tsconfig.scale.json")], { cwd: ROOT, stdio: "inherit" });
  return [path.join(ROOT, "dist", "scale-bench", "bench", "scale-bot.js")];
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Samples a process's RSS every 50 ms; `mark` starts a new phase whose peak is kept apart. */
class RssSampler {
  readonly peaks = new Map<string, number>();
  readonly samples = new Map<string, number[]>();
  #phase = "start";
  readonly #timer: NodeJS.Timeout;
  constructor(private readonly pid: number) {
    this.#timer = setInterval(() => this.sample(), 50);
  }
  sample(): void {
    const { rss } = memoryOf(this.pid);
    this.peaks.set(this.#phase, Math.max(this.peaks.get(this.#phase) ?? 0, rss));
    this.samples.set(this.#phase, [...(this.samples.get(this.#phase) ?? []), rss]);
  }
  mark(phase: string): void {
    this.sample();
    this.#phase = phase;
    this.sample();
  }
  stop(): void {
    this.sample();
    clearInterval(this.#timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runScaleBench(args: string[]): Promise<void> {
  const kind = argValue(args, "--database") ?? "sqlite";
  const agencies = Number(argValue(args, "--agencies") ?? 10_000);
  const assignments = Number(argValue(args, "--assignments") ?? 200_000);
  const resolutions = Number(argValue(args, "--resolutions") ?? 1);
  const rate = Number(argValue(args, "--rate") ?? 30);
  const windowS = Number(argValue(args, "--window") ?? 60);
  const runtime = argValue(args, "--bot-runtime") ?? "node";
  // Compiled before seeding, so that a type error stops the bench before its longest step.
  const command = botCommand(runtime);

  const target = await benchDatabase(kind, "scale");
  await migrateDatabase(target.url);
  const database = await openDatabase(target.url);
  const db = database.prisma;
  let seedMs = performance.now();
  const seeded = await seedCommittee(database, { agencies, contactsPerAgency: CONTACTS_PER_AGENCY, assignments, userIdBase: 40_000_000 });
  // The meeting to publish: resolutions for every agency of the committee (`lead: all`), as a
  // governorate directive is; a list of 1,000 named parties per resolution would not be a meeting.
  const meeting = await db.meeting.create({ data: { committeeId: seeded.committeeId, number: "1405-09", heldOn: CLOCK_START } });
  await db.resolution.createMany({
    data: Array.from({ length: resolutions }, (_, r) => ({
      meetingId: meeting.id,
      number: r + 1,
      text: `مصوبه تازه ${r + 1}`,
      leadAll: true,
      deadline: DEADLINE,
    })),
  });
  seedMs = performance.now() - seedMs;
  console.log(`seeded ${kind} in ${(seedMs / 1000).toFixed(1)} s`);

  const fake = await startFakeBotApi({
    platform: "telegram",
    bots: [{ token: TOKEN, username: "bench_scale_bot" }],
    rateLimit: { globalPerSecond: rate, perChatPerSecond: 1 },
    requestLog: false,
    seed: 15,
  });
  for (const id of seeded.userIds) fake.user({ id, firstName: `u${id}` });

  // As deployed: the Docker image's NODE_OPTIONS (src/shared/heap.ts).
  const nodeArgs = (argValue(args, "--bot-node-args") ?? YOUNG_GENERATION_FLAG).split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...command], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      DATABASE_URL: target.url,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_RATE_PER_SECOND: String(rate),
      HTTP_HOST: "127.0.0.1",
      HTTP_PORT: "0",
      // The 429s of the first burst are warnings; the figures count them.
      LOG_LEVEL: "error",
      BENCH_CLOCK_START: String(CLOCK_START.getTime()),
      // As the Docker image sets it.
      NODE_ENV: "production",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const inbox: FromBot[] = [];
  const waiters = new Set<() => void>();
  child.on("message", (m: FromBot) => {
    inbox.push(m);
    for (const w of waiters) w();
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const next = (kind: FromBot["kind"]) =>
    new Promise<FromBot>((resolve, reject) => {
      const check = () => {
        const i = inbox.findIndex((m) => m.kind === kind || m.kind === "failed");
        if (i < 0) return;
        const [m] = inbox.splice(i, 1);
        waiters.delete(check);
        if (m!.kind === "failed") reject(new Error(`the bot failed: ${m!.error}`));
        else resolve(m!);
      };
      waiters.add(check);
      void exited.then(() => reject(new Error("the bot exited")));
      check();
    });
  const tell = (m: ToBot) => child.send(m);

  try {
    const startedAt = performance.now();
    await next("ready");
    const startMs = performance.now() - startedAt;
    const sampler = new RssSampler(child.pid!);
    // At rest: started, scheduler ticking, nothing to send.
    sampler.mark("rest");
    await sleep(10_000);
    const restSamples = sampler.samples.get("rest")!;
    const atRest = restSamples.at(-1)!;

    sampler.mark("publish");
    const answer = next("published");
    tell({ kind: "publish", meeting: meeting.number, committee: "bench" });
    const published = (await answer) as Extract<FromBot, { kind: "published" }>;
    sampler.mark("deliver");
    const sentWhilePublishing = fake.allSent().length;
    const publishedAt = Date.now();
    const queuedRows = await db.outboxMessage.count();
    // Delivery: the first --window seconds from the first message the platform accepted.
    while (fake.allSent().length === 0) await sleep(20);
    const firstAt = fake.allSent()[0]!.sentAt;
    // Until both windows are over: from the first send (overlapping the publication, whose chunks
    // commit one by one) and from the end of publishing (the backlog alone).
    await sleep(Math.max(0, Math.max(firstAt, publishedAt) + windowS * 1000 - Date.now()) + 200);
    sampler.stop();
    const sent = fake.allSent();
    const inWindow = sent.filter((m) => m.sentAt < firstAt + windowS * 1000);
    const windowRate = inWindow.length / windowS;
    const afterPublishing = sent.filter((m) => m.sentAt >= publishedAt && m.sentAt < publishedAt + windowS * 1000);
    const afterRate = afterPublishing.length / windowS;
    const { hwm } = memoryOf(child.pid!);

    const mb = (n: number | undefined) => `${(n ?? NaN).toFixed(0)} MB`;
    const runtimeName = runtime === "tsx" ? "the sources through tsx" : "compiled by tsc, plain node (as deployed)";
    printTable(`scale benchmark (${kind === "postgres" ? "PostgreSQL" : "SQLite"}, fake Telegram API, bot in its own process)`, [
      ["bot", `${runtimeName}, node ${process.version}${nodeArgs.length > 0 ? ` ${nodeArgs.join(" ")}` : ""}`],
      [
        "loaded",
        `${agencies.toLocaleString("en-US")} agencies, ${seeded.userIds.length.toLocaleString("en-US")} people bound on Telegram, ${assignments.toLocaleString("en-US")} assignments`,
      ],
      ["published", `${resolutions} resolution(s) for all ${agencies.toLocaleString("en-US")} agencies`],
      ["seed (bulk SQL)", `${(seedMs / 1000).toFixed(1)} s`],
      ["bot start → ready", `${(startMs / 1000).toFixed(1)} s`],
      [
        "RSS at rest (after 10 s)",
        `${mb(atRest)} (goal < 200 MB; min ${mb(Math.min(...restSamples))}, max ${mb(Math.max(...restSamples))})`,
      ],
      ["peak RSS while publishing", `${mb(sampler.peaks.get("publish"))} (goal < 300 MB)`],
      ["peak RSS while delivering", `${mb(sampler.peaks.get("deliver"))} (first ${windowS} s of sending)`],
      ["VmHWM (peak since start)", mb(hwm)],
      [
        "bot's memory as publishing ends",
        `RSS ${mb(published.memory.rss / 1_048_576)}: JS heap ${mb(published.memory.heapUsed / 1_048_576)} used of ${mb(published.memory.heapTotal / 1_048_576)}, external ${mb(published.memory.external / 1_048_576)}`,
      ],
      ...(published.afterGc
        ? ([
            [
              "… after a full GC",
              `RSS ${mb(published.afterGc.rss / 1_048_576)}: JS heap ${mb(published.afterGc.heapUsed / 1_048_576)} used of ${mb(published.afterGc.heapTotal / 1_048_576)}`,
            ],
          ] as [string, string][])
        : []),
      ["assignments created", published.created.toLocaleString("en-US")],
      ["messages queued", `${published.queued.toLocaleString("en-US")} (outbox rows: ${queuedRows.toLocaleString("en-US")})`],
      ["publish → all queued", `${(published.ms / 1000).toFixed(1)} s (goal < 30 s)`],
      ["sent while publishing", sentWhilePublishing.toLocaleString("en-US")],
      ["limit", `${rate} msg/s overall, 1 msg/s per chat`],
      [`delivered in the first ${windowS} s`, `${inWindow.length.toLocaleString("en-US")} (${windowRate.toFixed(2)} msg/s)`],
      ["ratio to the limit", `${(windowRate / rate).toFixed(3)} (goal ~1)`],
      [
        `delivered in the ${windowS} s after publishing`,
        `${afterPublishing.length.toLocaleString("en-US")} (${afterRate.toFixed(2)} msg/s, ratio ${(afterRate / rate).toFixed(3)})`,
      ],
      ["429s from the platform's limiter", fake.stats.rateLimited],
    ]);
  } finally {
    if (child.exitCode === null) {
      tell({ kind: "stop" });
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await fake.close();
    await database.close();
    await target.drop();
  }
}
