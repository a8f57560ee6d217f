/**
 * The sandbox (`peygir sandbox`, `npm run sandbox`): the product running against its own built-in
 * Bale-compatible Bot API, with no token and nothing to set up. One process holds the fake Bot API
 * (Bale flavour), the real app against it (the same code paths as production), a fresh SQLite
 * database in a temporary folder with the pardis committee imported, every person bound through
 * the real /start flow and the meeting published, a clock the web chat moves, and the web app (the
 * chat and the dashboard) on one port. It refuses to start when a real bot token is in the
 * environment: it is a demo and must never message real people.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Hono } from "hono";
import type { Logger } from "pino";
import { startApp, type App } from "../app.js";
import { menuFor } from "../bot/command-menu.js";
import { isOneOf, ROLES, type Role } from "../domain/vocabulary.js";
import { loadConfig } from "../config/index.js";
import { migrateDatabase } from "../db/migrate.js";
import { startFakeBotApi, type FakeBotApi, type FakeUser } from "../fake-bot-api/index.js";
import { createI18n } from "../i18n/index.js";
import { workCalendarOf } from "../services/calendars.js";
import { PACKAGE_ROOT } from "../shared/paths.js";
import { mountSandboxChat, type ChatPerson, type SandboxChatBackend } from "../web/chat.js";
import { SandboxClock, targetOf, type ClockMove } from "./clock.js";

export const SANDBOX_FIXTURE = path.join(PACKAGE_ROOT, "fixtures", "pardis.yaml");
const SANDBOX_TOKEN = "1000000001:sandbox-local-token-never-real";
const ROLE_ORDER = ["secretariat", "governorate", "liaison", "head"];

export class SandboxRefused extends Error {
  override name = "SandboxRefused";
}

export interface SandboxOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  logger: Logger;
  /** The environment to check for real tokens (default process.env). */
  env?: Record<string, string | undefined>;
  fixture?: string;
}

export interface Sandbox {
  readonly url: string;
  readonly app: App;
  readonly fake: FakeBotApi;
  readonly clock: SandboxClock;
  readonly people: readonly ChatPerson[];
  /** The fake user playing a person (by person id). */
  userOf(personId: number): FakeUser | undefined;
  /** Moves the clock and runs one scheduler pass; says where it went (or why not). */
  move(move: ClockMove): Promise<{ ok: boolean; now: Date }>;
  /** Throws everything away and starts again from the fixture, on the same port. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

interface World {
  dir: string;
  fake: FakeBotApi;
  app: App;
  clock: SandboxClock;
  people: ChatPerson[];
  users: Map<number, FakeUser>;
}

/** Starts the sandbox; resolves once everyone is bound and the meeting is published. */
export async function startSandbox(o: SandboxOptions): Promise<Sandbox> {
  const env = o.env ?? process.env;
  const real = ["BALE_BOT_TOKEN", "TELEGRAM_BOT_TOKEN"].filter((name) => (env[name] ?? "").trim() !== "");
  if (real.length > 0)
    throw new SandboxRefused(
      `the sandbox never talks to a real messenger, but ${real.join(" and ")} ${real.length > 1 ? "are" : "is"} set: unset ${real.length > 1 ? "them" : "it"} to run the sandbox`,
    );
  const i18n = createI18n<never>(() => "fa");
  // The menu each person's chat shows, as the platform shows it where it has setMyCommands.
  const commandsOf = (person: ChatPerson) =>
    menuFor(person.roles.map((r) => r.role).filter((r): r is Role => isOneOf(ROLES, r))).map((command) => ({
      command,
      description: i18n.t("fa", `command-${command}`),
    }));
  let port = o.port;
  let world: World | undefined;
  let resetting: Promise<void> | undefined;
  // The web chat can be called while the sandbox is still being built: it acts only once it exists.
  const self: { sandbox?: Sandbox } = {};

  const current = (): World => {
    if (!world) throw new Error("the sandbox is starting again");
    return world;
  };
  const backend: SandboxChatBackend = {
    people: () => world?.people ?? [],
    userOf: (personId) => world?.users.get(personId),
    commands: commandsOf,
    now: () => current().clock.now(),
    move: (move) => (self.sandbox ? self.sandbox.move(move) : Promise.resolve({ ok: false, now: current().clock.now() })),
    reset: () => {
      // Answer first: the reset stops and restarts this very HTTP server.
      const running = self.sandbox;
      if (!running || resetting) return;
      setTimeout(() => void running.reset().catch((err: unknown) => o.logger.error({ err }, "sandbox reset failed")), 50);
    },
    ready: () => world !== undefined && resetting === undefined,
  };

  /** Builds a world; one that fails half-way is taken down again, so a retry starts clean. */
  const build = async (): Promise<World> => {
    const parts: Partial<World> = { dir: mkdtempSync(path.join(tmpdir(), "peygir-sandbox-")) };
    try {
      return await buildInto(parts);
    } catch (err) {
      await parts.app?.stop().catch(() => undefined);
      await parts.fake?.close().catch(() => undefined);
      rmSync(parts.dir!, { recursive: true, force: true });
      throw err;
    }
  };

  const buildInto = async (parts: Partial<World>): Promise<World> => {
    const dir = parts.dir!;
    const clock = new SandboxClock();
    const fake = (parts.fake = await startFakeBotApi({
      platform: "bale",
      // Message dates on the sandbox's clock, as the chat shows them.
      now: () => clock.now().getTime(),
      bots: [{ token: SANDBOX_TOKEN, username: "peygir_sandbox_bot", firstName: "پیگیر" }],
    }));
    const config = loadConfig({
      BALE_BOT_TOKEN: SANDBOX_TOKEN,
      BALE_API_ROOT: fake.url,
      DATABASE_URL: `file:${path.join(dir, "peygir.db")}`,
      HTTP_HOST: o.host ?? "127.0.0.1",
      HTTP_PORT: String(port),
      LOG_LEVEL: "warn",
      // The clock control runs the scheduler's passes; it does not tick by itself.
      SCHEDULER_TICK: "off",
      ...(port !== 0 ? { PUBLIC_URL: `http://localhost:${port}` } : {}),
    });
    await migrateDatabase(config.databaseUrl);
    const app = (parts.app = await startApp({
      config,
      logger: o.logger,
      clock,
      skipMigrations: true,
      mountWeb: (web: Hono) => mountSandboxChat(web, backend),
    }));
    port = app.httpPort;
    const imported = await app.services.importer.importFile(o.fixture ?? SANDBOX_FIXTURE);
    if (!imported.ok) throw new Error(`the sandbox fixture did not import: ${JSON.stringify(imported.error)}`);
    const summary = imported.value;
    // Publishing queues for the next working window: start the clock inside one, so messages flow at once.
    const committee = await app.database.prisma.committee.findUniqueOrThrow({ where: { code: summary.committeeCode } });
    clock.moveTo(workCalendarOf(committee.calendar).nextWorkingInstant(clock.now()));

    const listed = await app.services.people.list(summary.committeeCode);
    const people: ChatPerson[] = [];
    const users = new Map<number, FakeUser>();
    const rows = await app.database.prisma.person.findMany({ select: { id: true, phone: true } });
    const idOfPhone = new Map(rows.map((r) => [r.phone, r.id]));
    // Everyone is bound through the real /start flow, all at once: one by one, a reset took half a
    // minute on a busy machine, and each person is their own chat.
    const bindings = listed.flatMap((person, index) => {
      const personId = person.phone ? idOfPhone.get(person.phone) : undefined;
      return person.phone && personId !== undefined ? [{ person, phone: person.phone, personId, userId: 7_000_001 + index }] : [];
    });
    await Promise.all(
      bindings.map(async ({ person, phone, personId, userId }) => {
        const [invite] = await app.services.invites.issue({ personPhone: phone });
        if (!invite) return;
        const user = fake.user({ id: userId, firstName: person.name, phone });
        user.command("/start", invite.code);
        const asked = await user.waitFor(/خوش آمدید|ارسال شماره تلفن من/, { timeoutMs: 30_000 });
        if (!/خوش آمدید/.test(asked.text ?? "")) {
          user.shareContact(phone);
          await user.waitFor(/خوش آمدید/, { timeoutMs: 30_000 });
        }
        users.set(personId, user);
        const roles = [...person.roles].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
        people.push({
          personId,
          name: person.name,
          roles: roles.map((r) => ({ role: r.role, scope: r.scope, title: r.title })),
        });
      }),
    );
    // The order of the list, not of the bindings' answers.
    const listOrder = new Map(bindings.map((b, i) => [b.personId, i]));
    people.sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.roles[0]?.role ?? "") - ROLE_ORDER.indexOf(b.roles[0]?.role ?? "") ||
        listOrder.get(a.personId)! - listOrder.get(b.personId)!,
    );
    for (const meeting of summary.meetings) {
      if (!meeting.published)
        await app.services.publishing.publish({
          meetingNumber: meeting.number,
          committeeCode: summary.committeeCode,
          actor: { kind: "cli" },
        });
    }
    return { dir, fake, app, clock, people, users };
  };

  const teardown = async (w: World): Promise<void> => {
    await w.app.stop();
    await w.fake.close();
    rmSync(w.dir, { recursive: true, force: true });
  };

  world = await build();

  const sandbox: Sandbox = {
    get url() {
      return `http://localhost:${port}`;
    },
    get app() {
      return current().app;
    },
    get fake() {
      return current().fake;
    },
    get clock() {
      return current().clock;
    },
    get people() {
      return current().people;
    },
    userOf: (personId) => current().users.get(personId),
    async move(move) {
      const w = current();
      const committee = await w.app.database.prisma.committee.findFirstOrThrow({ select: { calendar: true } });
      const target = targetOf(move, w.clock.now(), workCalendarOf(committee.calendar));
      if (!target) return { ok: false, now: w.clock.now() };
      w.clock.moveTo(target);
      await w.app.scheduler.runPass();
      for (const p of w.app.platforms) p.dispatcher.wake();
      return { ok: true, now: w.clock.now() };
    },
    reset() {
      return (resetting ??= (async () => {
        const old = world;
        world = undefined;
        if (old) await teardown(old);
        try {
          world = await build();
        } catch (err) {
          // A half-built world (a port still closing, a slow bind) must not leave the sandbox empty.
          o.logger.warn({ err }, "the sandbox did not start again; trying once more");
          world = await build();
        }
      })().finally(() => {
        resetting = undefined;
      }));
    },
    async stop() {
      await resetting?.catch(() => undefined);
      if (world) await teardown(world);
      world = undefined;
    },
  };
  self.sandbox = sandbox;
  return sandbox;
}
