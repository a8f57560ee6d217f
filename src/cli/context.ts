/**
 * What CLI commands share: the database (migrated first), the services, and the configured
 * platforms when tokens are set (they are optional for commands that only touch the database).
 */
import { Api } from "grammy";
import { ConfigError, loadConfig, loadDatabaseUrl, type Platform, type PlatformConfig } from "../config/index.js";
import { openDatabase, type Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { notifyOutbox } from "../db/sql/notify-outbox.js";
import { createI18n } from "../i18n/index.js";
import { createLogger } from "../logging/logger.js";
import { formatJalaliDateTime } from "../domain/calendar/index.js";
import { registerSecrets, secretsOf } from "../logging/scrub.js";
import { createServices, type ServiceDeps, type Services } from "../services/index.js";
import { systemClock, type Clock } from "../shared/clock.js";

export interface CliContext {
  database: Database;
  services: Services;
  /** What the services were built from (a command that builds its own, e.g. the scheduler's sources). */
  deps: ServiceDeps;
  platforms: PlatformConfig[];
  clock: Clock;
  out: (line: string) => void;
}

/** The platforms configured in the environment, or none when no token is set. */
function configuredPlatforms(): { platforms: PlatformConfig[]; inviteTtlDays: number; maxAttachmentBytes: number } {
  try {
    const config = loadConfig();
    registerSecrets(secretsOf(config));
    return { platforms: config.platforms, inviteTtlDays: config.inviteTtlDays, maxAttachmentBytes: config.maxAttachmentBytes };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { platforms: [], inviteTtlDays: 14, maxAttachmentBytes: 20 * 1024 * 1024 };
  }
}

export async function withCli<T>(fn: (cli: CliContext) => Promise<T>): Promise<T> {
  const url = loadDatabaseUrl();
  registerSecrets(secretsOf({ platforms: [], databaseUrl: url }));
  await migrateDatabase(url);
  const database = await openDatabase(url);
  const { platforms, inviteTtlDays, maxAttachmentBytes } = configuredPlatforms();
  // Rows this command queues are announced when it ends (one NOTIFY per platform, PostgreSQL only),
  // so a running bot sends them at once instead of at its safety poll.
  const queuedFor = new Set<Platform>();
  const deps: ServiceDeps = {
    db: database.prisma,
    clock: systemClock,
    logger: createLogger(process.env.LOG_LEVEL ?? "warn"),
    i18n: createI18n(() => undefined) as never,
    settings: { platforms: platforms.map((p) => p.platform), inviteTtlDays, maxAttachmentBytes },
    onQueued: (platform) => queuedFor.add(platform),
  };
  const services = createServices(deps);
  try {
    return await fn({ database, services, deps, platforms, clock: systemClock, out: (line) => process.stdout.write(line + "\n") });
  } finally {
    if (database.provider === "postgres")
      for (const platform of queuedFor)
        await notifyOutbox(database.prisma, platform, `cli:${process.pid}`).catch((err: unknown) =>
          deps.logger.warn({ err }, "outbox NOTIFY failed; the bot finds the rows at its safety poll"),
        );
    await database.close();
  }
}

/**
 * What waits in the outbox per platform, and whether a bot will send it: queueing does not depend
 * on this process's tokens, so the operator is told plainly where no bot has ever run.
 */
export async function waitingLines(services: Services): Promise<string[]> {
  return (await services.botPlatforms.waitingDeliveries()).map(({ platform, pending, bot }) =>
    bot
      ? `${platform}: ${pending} message(s) waiting in the outbox, sent by the ${platform} bot @${bot.username} (last started ${formatJalaliDateTime(bot.startedAt)}) while it runs`
      : `warning: ${platform}: ${pending} message(s) waiting in the outbox, but no ${platform} bot has ever run with this database; ` +
        `they leave once the bot runs with ${platform === "bale" ? "BALE_BOT_TOKEN" : "TELEGRAM_BOT_TOKEN"} set`,
  );
}

/**
 * Bot usernames by platform, for deep links: asked from the Bot API with this process's tokens,
 * else the ones the running bot recorded. A platform whose API cannot be reached is left out.
 */
export async function botUsernames(platforms: PlatformConfig[], services: Services): Promise<Map<Platform, string>> {
  const names = new Map<Platform, string>();
  for (const bot of await services.botPlatforms.known()) names.set(bot.platform, bot.username);
  await Promise.all(
    platforms.map(async (p) => {
      try {
        const me = await new Api(p.token, { apiRoot: p.apiRoot, timeoutSeconds: 10 }).getMe();
        if (me.username) names.set(p.platform, me.username);
      } catch {
        process.stderr.write(`warning: could not reach the ${p.platform} Bot API to build deep links; codes are still valid\n`);
      }
    }),
  );
  return names;
}
