/**
 * End-to-end harness: the real app (startApp, the same code `peygir start` runs) against fake
 * Bot API servers for Bale and Telegram over real HTTP, on a real test database.
 *
 *   const e2e = await startE2E({ database, platforms: ["bale", "telegram"] });
 *   const user = await e2e.bindUser("bale", "09121000004");   // invite + /start CODE + share contact
 *   ...
 *   await e2e.stop();
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DestinationStream, Logger } from "pino";
import { startApp, type App } from "../../src/app.js";
import { loadConfig, type Config, type Platform } from "../../src/config/index.js";
import { createLogger } from "../../src/logging/logger.js";
import { systemClock, type Clock } from "../../src/shared/clock.js";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api/server.js";
import type { FakeBotApiOptions } from "../fake-bot-api/types.js";
import type { FakeUser, UserOptions } from "../fake-bot-api/user.js";

export const FIXTURE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "pardis.yaml");

export const TOKENS: Record<Platform, string> = {
  bale: "1111111111:bale-test-token-AAAAAAAAAA",
  telegram: "2222222222:telegram-test-token-BBBBBBBB",
};

export interface E2EOptions {
  /** A migrated database URL (see test/support/databases.ts). */
  databaseUrl: string;
  platforms?: Platform[];
  clock?: Clock;
  /** Extra environment for loadConfig (rates, BOT_MODE…). */
  env?: Record<string, string>;
  /** Per-platform options for the fake servers. */
  fake?: Partial<Record<Platform, Partial<FakeBotApiOptions>>>;
  logLevel?: string;
  /** Bot tokens instead of TOKENS (e.g. the shortest the config accepts). */
  tokens?: Partial<Record<Platform, string>>;
  /** Where the app's pino log goes (to read it in a test); the level is then at least "info". */
  logDestination?: DestinationStream;
}

export interface E2E {
  app: App;
  config: Config;
  clock: Clock;
  logger: Logger;
  fakes: Partial<Record<Platform, FakeBotApi>>;
  fake(platform: Platform): FakeBotApi;
  /**
   * Invites the person with this phone (optionally only one of their roles) and plays them sending
   * /start CODE and, when asked, sharing their own contact (the invited phone, unless `user.phone` says otherwise).
   */
  bindUser(
    platform: Platform,
    phone: string,
    options?: { role?: "head" | "liaison" | "secretariat" | "governorate"; user?: UserOptions },
  ): Promise<FakeUser>;
  /** Stops the app and starts it again on the same database and fake servers (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let nextUserId = 5_000_000;

export async function startE2E(options: E2EOptions): Promise<E2E> {
  const platforms = options.platforms ?? ["bale", "telegram"];
  const clock = options.clock ?? systemClock;
  const logger = createLogger(
    options.logLevel ?? (options.logDestination ? "info" : (process.env.PEYGIR_TEST_LOG_LEVEL ?? "silent")),
    options.logDestination,
  );
  const fakes: Partial<Record<Platform, FakeBotApi>> = {};
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    HTTP_HOST: "127.0.0.1",
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    // Tests run scheduler passes themselves (app.scheduler.runPass) at the times they choose.
    SCHEDULER_TICK: "off",
    ...options.env,
  };
  for (const platform of platforms) {
    const token = options.tokens?.[platform] ?? TOKENS[platform];
    const fake = await startFakeBotApi({
      platform,
      bots: [{ token, username: `peygir_${platform}_bot`, firstName: "پیگیر" }],
      ...options.fake?.[platform],
    });
    fakes[platform] = fake;
    env[platform === "bale" ? "BALE_BOT_TOKEN" : "TELEGRAM_BOT_TOKEN"] = token;
    env[platform === "bale" ? "BALE_API_ROOT" : "TELEGRAM_API_ROOT"] = fake.url;
  }
  const config = loadConfig(env);
  let app = await startApp({ config, logger, clock, skipMigrations: true });

  const e2e: E2E = {
    get app() {
      return app;
    },
    config,
    clock,
    logger,
    fakes,
    fake(platform) {
      const fake = fakes[platform];
      if (!fake) throw new Error(`no fake server for ${platform}`);
      return fake;
    },
    async bindUser(platform, phone, bindOptions = {}) {
      const invites = await app.services.invites.issue({ personPhone: phone, ...(bindOptions.role ? { role: bindOptions.role } : {}) });
      const invite = invites[0];
      if (!invite) throw new Error(`no membership for ${phone}`);
      const user = e2e
        .fake(platform)
        .user({ id: nextUserId++, firstName: invite.personName, ...(invite.phone ? { phone: invite.phone } : {}), ...bindOptions.user });
      user.command("/start", invite.code);
      // The contact check (on by default): the platform vouches for the number the user shares.
      const asked = await user.waitFor(/خوش آمدید|ارسال شماره تلفن من/, { timeoutMs: 10_000 });
      if (!/خوش آمدید/.test(asked.text ?? "")) {
        user.shareContact();
        await user.waitFor(/خوش آمدید/, { timeoutMs: 10_000 });
      }
      return user;
    },
    async restart() {
      await app.stop();
      app = await startApp({ config, logger, clock, skipMigrations: true });
    },
    async stop() {
      await app.stop();
      await Promise.all(Object.values(fakes).map((f) => f.close()));
    },
  };
  return e2e;
}
