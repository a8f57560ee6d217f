/**
 * The running application: database, services, one bot and one outbox dispatcher per
 * configured platform, update intake (polling or webhooks), the HTTP server, and an orderly
 * stop. `startApp` is what `peygir start` runs; tests start it the same way.
 */
import type { Bot } from "grammy";
import type { Hono } from "hono";
import type { RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "pino";
import type { Config, Platform, PlatformConfig } from "./config/index.js";
import { networkCause } from "./shared/network-cause.js";
import { openDatabase, type Database } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { publishCommands } from "./bot/command-menu.js";
import { createBot } from "./bot/create-bot.js";
import type { BotContext } from "./bot/context.js";
import { createI18n } from "./i18n/index.js";
import { registerSecrets, secretsOf } from "./logging/scrub.js";
import { OutboxDispatcher } from "./outbox/dispatcher.js";
import { OutboxWakeChannel } from "./outbox/wake-channel.js";
import { RateLimiter } from "./outbox/rate-limiter.js";
import { PROFILES } from "./platforms/profile.js";
import { startHttpServer, webhookPath, type WebhookTarget } from "./server/http.js";
import { Scheduler } from "./scheduler/scheduler.js";
import { createServices, escalationSources, type Services } from "./services/index.js";
import type { Clock } from "./shared/clock.js";
import { releaseStale } from "./shared/stale-claims.js";
import { UpdateInbox } from "./updates/inbox.js";
import { createWebApp } from "./web/app.js";
import { startPolling } from "./updates/polling.js";
import { UpdateProcessor } from "./updates/processor.js";

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Skip `prisma migrate deploy` (tests that prepared the database themselves). */
  skipMigrations?: boolean;
  /** Adds routes to the web app before it is served (the sandbox's web chat). */
  mountWeb?: (web: Hono) => void;
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

export async function startApp({ config, logger, clock, skipMigrations, mountWeb }: AppDeps): Promise<App> {
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
  for (const platform of config.platforms) {
    const limiter = new RateLimiter(platform.ratePerSecond, platform.ratePerChatPerSecond);
    limiters.set(platform.platform, limiter);
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
        limiter,
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
  });

  const running: RunningPlatform[] = [];
  const inboxes: UpdateInbox[] = [];
  const webhooks: WebhookTarget[] = [];
  for (const platform of config.platforms) {
    const profile = PROFILES[platform.platform];
    const log = logger.child({ platform: platform.platform });
    const bot = createBot({ platform, config, db, services, i18n, clock, logger: log, limiter: limiters.get(platform.platform)! });
    await initWithRetry(bot, platform, log);
    await services.botPlatforms.recordStarted(platform.platform, String(bot.botInfo.id), bot.botInfo.username, clock.now());
    const inbox = new UpdateInbox(db, platform.platform, String(bot.botInfo.id), clock, log.child({ component: "inbox" }));
    inboxes.push(inbox);
    const processor = new UpdateProcessor(bot as unknown as Bot<never>, inbox, log);
    void publishCommands(bot.api, i18n, log, () => services.people.staffChats(platform.platform));
    await processor.recover();
    const entry: RunningPlatform = {
      platform: platform.platform,
      bot,
      username: bot.botInfo.username,
      dispatcher: dispatchers.get(platform.platform)!,
      processor,
    };
    if (config.botMode === "webhook" && config.webhook) {
      const url = config.webhook.baseUrl + webhookPath(platform.platform, config.webhook.secret);
      await bot.api.setWebhook(url, {
        allowed_updates: [...profile.allowedUpdates],
        ...(profile.webhookSecretInHeader ? { secret_token: config.webhook.secret } : {}),
      });
      webhooks.push({
        platform: platform.platform,
        secretInHeader: profile.webhookSecretInHeader,
        receive: async (update) => {
          for (const fresh of await inbox.accept([update])) await processor.process(fresh);
        },
      });
    } else {
      await bot.api.deleteWebhook().catch((err: unknown) => log.warn({ err }, "deleteWebhook failed; polling anyway"));
      entry.runner = await startPolling({ bot: bot as unknown as Bot<never>, profile, inbox, processor, logger: log });
    }
    running.push(entry);
    log.info({ username: bot.botInfo.username, mode: config.botMode }, "bot started");
  }

  for (const dispatcher of dispatchers.values()) {
    await releaseStale(config.staleClaims, (owner) => dispatcher.releaseStaleClaims(owner));
    dispatcher.start();
  }
  await wakeChannel.start();
  if (config.schedulerTick) await scheduler.start();

  const web = createWebApp({ services, logger: logger.child({ component: "web" }) });
  mountWeb?.(web);
  const http = await startHttpServer({
    web,
    host: config.http.host,
    port: config.http.port,
    logger,
    ...(config.webhook ? { webhookSecret: config.webhook.secret } : {}),
    webhooks,
    health: async () => {
      try {
        await db.$queryRawUnsafe("SELECT 1");
        return { ok: true, database: database.provider, platforms: running.map((r) => r.platform), mode: config.botMode };
      } catch {
        return { ok: false, database: "unreachable" };
      }
    },
  });
  services.webLogin.baseUrl = config.publicUrl ?? `http://localhost:${http.port}`;
  logger.info({ port: http.port }, "HTTP server listening (health check at /health, dashboard at /dashboard)");

  // The platforms re-deliver an update for a day at most; a week of history is plenty.
  const pruneInboxes = () =>
    Promise.all(inboxes.map((inbox) => inbox.prune(new Date(clock.now().getTime() - INBOX_RETENTION_MS)))).catch((err: unknown) =>
      logger.warn({ err }, "pruning handled updates failed"),
    );
  void pruneInboxes();
  const housekeeping = setInterval(pruneInboxes, 3_600_000).unref();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("stopping");
      clearInterval(housekeeping);
      await http.close();
      // Stop taking updates and let those under way finish, then let each dispatcher finish its send.
      await Promise.all(running.map((r) => r.runner?.stop()));
      await Promise.all(running.map((r) => r.processor.idle()));
      await scheduler.stop();
      await wakeChannel.stop();
      await Promise.all([...dispatchers.values()].map((d) => d.stop()));
      await database.close();
      logger.info("stopped");
    })());

  return { database, services, scheduler, platforms: running, httpPort: http.port, stop };
}

const INBOX_RETENTION_MS = 7 * 86_400_000;

/**
 * getMe until it works: a daemon started before the network is up should wait, not die, and say
 * so — in one line per attempt with the API root and the cause, never the token or a stack.
 * (grammY's own bot.init() retries network errors silently and without end, so we call getMe.)
 */
async function initWithRetry(bot: Bot<BotContext>, platform: PlatformConfig, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      bot.botInfo = await bot.api.getMe();
      return;
    } catch (err) {
      if ((err as { error_code?: number }).error_code === 401)
        throw new Error(`the ${platform.platform} bot token was rejected (401 Unauthorized) by ${platform.apiRoot}: check the token`);
      const wait = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
      const cause = networkCause(err);
      logger.warn(
        { apiRoot: platform.apiRoot, cause, attempt, retryInMs: wait },
        `cannot reach the Bot API yet at ${platform.apiRoot} (${cause}); retrying in ${Math.round(wait / 1000)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
