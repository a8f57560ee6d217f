/**
 * The running application: database, services, one bot and one outbox dispatcher per
 * configured platform, update intake (polling or webhooks), the HTTP server, and an orderly
 * stop. `startApp` is what `peygir start` runs; tests start it the same way.
 */
import type { Bot } from "grammy";
import type { Hono } from "hono";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "pino";
import type { Config, Platform } from "./config/index.js";
import { openDatabase, sqlitePathOf, type Database } from "./db/client.js";
import { SqliteCheckpointer } from "./db/sqlite-checkpointer.js";
import { InstanceLock } from "./db/instance-lock.js";
import { migrateDatabase } from "./db/migrate.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext } from "./bot/context.js";
import { createI18n } from "./i18n/index.js";
import { registerSecrets, secretsOf } from "./logging/scrub.js";
import { OutboxDispatcher } from "./outbox/dispatcher.js";
import { OutboxWakeChannel } from "./outbox/wake-channel.js";
import { RateLimiter } from "./outbox/rate-limiter.js";
import { SharedPace } from "./outbox/shared-pace.js";
import { HttpServer } from "./server/http.js";
import { Scheduler } from "./scheduler/scheduler.js";
import { createServices, escalationSources, type Services } from "./services/index.js";
import type { Clock } from "./shared/clock.js";
import { Pruning } from "./pruning.js";
import { mayHaveSiblings } from "./shared/stale-claims.js";
import { ping } from "./db/sql/ping.js";
import { DAY_MS } from "./domain/calendar/index.js";
import { startInOrder, type Component } from "./shared/component.js";
import { createWebApp } from "./web/app.js";
import { PlatformIntake } from "./updates/intake.js";
import type { UpdateProcessor } from "./updates/processor.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Skip `prisma migrate deploy` (tests that prepared the database themselves). */
  skipMigrations?: boolean;
  /** Adds routes to the web app before it is served (the sandbox's web chat). */
  mountWeb?: (web: Hono) => void;
  /** A stop asked for while starting: what has started stops again and `startApp` rejects. */
  signal?: AbortSignal;
}

export interface RunningPlatform {
  platform: Platform;
  bot: Bot<BotContext>;
  username: string;
  dispatcher: OutboxDispatcher;
  runner?: RunnerHandle;
  processor: UpdateProcessor;
}

export interface App {
  database: Database;
  services: Services;
  /** Runs the due-work passes every minute; `scheduler.runPass()` runs one at once. */
  scheduler: Scheduler;
  platforms: RunningPlatform[];
  httpPort: number;
  stop(): Promise<void>;
}

export async function startApp({ config, logger, clock, skipMigrations, mountWeb, signal }: AppDeps): Promise<App> {
  registerSecrets(secretsOf(config));
  if (!skipMigrations) {
    await migrateDatabase(config.databaseUrl);
    logger.info({ provider: config.databaseProvider }, "database migrated");
  }
  const database = await openDatabase(config.databaseUrl);
  const db = database.prisma;
  const i18n = createI18n<BotContext>((ctx) => ctx.caller?.locale ?? undefined);

  const dispatchers = new Map<Platform, OutboxDispatcher>();
  const limiters = new Map<Platform, RateLimiter>();
  // Named instances on PostgreSQL (INSTANCE_ID) may have siblings: they share each platform's
  // global rate through the database. Any other process sends alone, and its limiter is enough
  // (as the intake below takes it to be the only one): a reservation per reply was a round trip.
  const paces = new Map<Platform, SharedPace>();
  for (const platform of config.platforms) {
    const limiter = new RateLimiter(platform.ratePerSecond, platform.ratePerChatPerSecond);
    limiters.set(platform.platform, limiter);
    const pace = mayHaveSiblings(config.staleClaims)
      ? new SharedPace(db, platform.platform, platform.ratePerSecond, platform.ratePerChatPerSecond)
      : undefined;
    if (pace) paces.set(platform.platform, pace);
    dispatchers.set(
      platform.platform,
      new OutboxDispatcher({
        platform,
        db,
        provider: database.provider,
        clock,
        logger: logger.child({ component: "outbox", platform: platform.platform }),
        instanceId: config.instanceId,
        retryBaseMs: config.outboxRetryBaseMs,
        pollMs: config.outboxPollMs,
        leaseMs: config.outboxLeaseMs,
        limiter,
        ...(pace ? { pace } : {}),
        staleClaims: config.staleClaims,
      }),
    );
  }
  const wakeChannel = new OutboxWakeChannel({
    db,
    provider: database.provider,
    url: config.databaseUrl,
    logger: logger.child({ component: "outbox" }),
    wake: (platform) => dispatchers.get(platform)?.wake(),
  });
  const serviceDeps = {
    db,
    clock,
    logger,
    i18n: i18n as never,
    settings: {
      platforms: config.platforms.map((p) => p.platform),
      inviteTtlDays: config.inviteTtlDays,
      maxAttachmentBytes: config.maxAttachmentBytes,
    },
    // Called after the commit that queued the rows (see db/after-commit.ts).
    onQueued: (platform: Platform) => wakeChannel.announce(platform),
  };
  const services = createServices(serviceDeps);
  // Due work of every feature: add a feature's DueWorkSource to this list (see services/due-work.ts).
  const scheduler = new Scheduler({
    sources: [...escalationSources(serviceDeps, services)],
    clock,
    logger: logger.child({ component: "scheduler" }),
    instanceId: config.instanceId,
    provider: database.provider,
    staleClaims: config.staleClaims,
    tick: config.schedulerTick,
  });

  const intakes = config.platforms.map((platform) => {
    const log = logger.child({ platform: platform.platform });
    const bot = createBot({
      platform,
      config,
      db,
      services,
      i18n,
      clock,
      logger: log,
      limiter: limiters.get(platform.platform)!,
      pace: paces.get(platform.platform),
    });
    return new PlatformIntake({
      platform,
      bot,
      config,
      db,
      services,
      i18n,
      clock,
      logger: log,
      // Only a named instance (INSTANCE_ID) may have siblings handling updates right now, so only
      // it leaves unfinished updates to a lease; an unnamed one is the only instance, as on SQLite,
      // and redoes at once what its crash interrupted. (A named one redoes at once what carries its
      // own name: see UpdateInbox.takeOverStale.)
      ...(mayHaveSiblings(config.staleClaims) ? { inboxLeaseMs: config.inboxLeaseMs } : {}),
      instanceId: config.instanceId,
      ...(signal ? { signal } : {}),
    });
  });
  const web = createWebApp({ services, logger: logger.child({ component: "web" }) });
  mountWeb?.(web);
  const http = new HttpServer({
    web,
    host: config.http.host,
    port: config.http.port,
    logger,
    ...(config.webhook ? { webhookSecret: config.webhook.secret } : {}),
    webhooks: intakes.flatMap((intake) => intake.webhook ?? []),
    health: async () => {
      try {
        await ping(db);
        return { ok: true, database: database.provider, platforms: intakes.map((i) => i.platform), mode: config.botMode };
      } catch {
        return { ok: false, database: "unreachable" };
      }
    },
  });

  // One order: what the others rely on first, what takes work in last. The stop runs it backwards:
  // no more updates, then the updates under way finish (queuing their replies), then the
  // scheduler's pass, then the sends under way, and the database last.
  const stop = await startInOrder(
    [
      databaseComponent(database),
      ...instanceLockOf(config, logger),
      ...checkpointerOf(database, config.databaseUrl, logger),
      ...dispatchers.values(),
      wakeChannel,
      scheduler,
      ...intakes,
      new Pruning({
        inboxes: () => intakes.map((intake) => intake.inbox),
        db: database.prisma,
        fileRetentionMs: config.outboxFileRetentionDays * DAY_MS,
        clock,
        logger,
      }),
      http,
    ],
    logger,
    signal,
  );
  services.webLogin.baseUrl = config.publicUrl ?? `http://localhost:${http.port}`;
  logger.info({ port: http.port }, "HTTP server listening (health check at /health, dashboard at /dashboard)");

  let stopping: Promise<void> | undefined;
  const platforms: RunningPlatform[] = intakes.map((intake) => ({
    platform: intake.platform,
    bot: intake.bot,
    username: intake.bot.botInfo.username,
    dispatcher: dispatchers.get(intake.platform)!,
    ...(intake.runner ? { runner: intake.runner } : {}),
    processor: intake.processor,
  }));
  return {
    database,
    services,
    scheduler,
    platforms,
    httpPort: http.port,
    stop: () =>
      (stopping ??= (async () => {
        logger.info("stopping");
        await stop();
        logger.info("stopped");
      })()),
  };
}

/** On PostgreSQL an instance that believes it is alone (no INSTANCE_ID) must be: see db/instance-lock.ts. */
function instanceLockOf(config: Config, logger: Logger): Component[] {
  return config.databaseProvider === "postgres" ? [new InstanceLock(config.databaseUrl, mayHaveSiblings(config.staleClaims), logger)] : [];
}

/** A SQLite file's WAL is checkpointed off the bot's thread (none for PostgreSQL, nor for a database in memory). */
function checkpointerOf(database: Database, url: string, logger: Logger): Component[] {
  const file = sqlitePathOf(url);
  return database.provider === "sqlite" && file !== ":memory:" ? [new SqliteCheckpointer(database.prisma, file, logger)] : [];
}

/** The database as a component: opened before the services are made, closed after everything. */
function databaseComponent(database: Database): Component {
  return { name: "database", start: async () => undefined, stop: () => database.close() };
}
