/**
 * Configuration: read once from the environment (and an optional .env), validated with zod,
 * and handed to everything else as one typed, frozen object. Nothing else reads process.env.
 */
import { z } from "zod";
import { staleClaimsOf, type StaleClaims } from "../shared/stale-claims.js";

const DEFAULT_SQLITE_URL = "file:./data/peygir.db";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const token = optionalText.pipe(
  z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{10,}$/, "expected a bot token like 123456789:AbCdEf… (digits, a colon, then letters/digits)")
    .optional(),
);

const apiRoot = z
  .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://tapi.bale.ai" })
  .transform((u) => u.replace(/\/+$/, ""));

const positive = (fallback: number) =>
  z.coerce.number({ error: "expected a number" }).positive("expected a number above 0").default(fallback);
const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "expected a whole number" })
    .int("expected a whole number")
    .positive("expected a whole number above 0")
    .default(fallback);

const databaseUrl = z
  .string()
  .trim()
  .transform((v) => v || DEFAULT_SQLITE_URL)
  .refine(
    (v) => /^file:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
    "expected file:PATH (SQLite) or postgres://USER@HOST:PORT/DB (PostgreSQL)",
  )
  .default(DEFAULT_SQLITE_URL);

const envSchema = z
  .object({
    BALE_BOT_TOKEN: token,
    BALE_API_ROOT: apiRoot.default("https://tapi.bale.ai"),
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_API_ROOT: apiRoot.default("https://api.telegram.org"),
    DATABASE_URL: databaseUrl,
    BOT_MODE: z.enum(["polling", "webhook"], { error: "expected polling or webhook" }).default("polling"),
    WEBHOOK_URL: optionalText.pipe(
      z.url({ protocol: /^https?$/, error: "expected the public base URL of this server, e.g. https://peygir.example.ir" }).optional(),
    ),
    WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, "expected 16 to 256 characters of A-Z, a-z, 0-9, _ or -")
        .optional(),
    ),
    PUBLIC_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: "expected the base URL people open the dashboard at, e.g. https://peygir.example.ir" })
        .optional(),
    ),
    HTTP_HOST: z.string().trim().default("0.0.0.0"),
    HTTP_PORT: z.coerce.number({ error: "expected a port number" }).int().min(0).max(65535, "expected a port 0-65535").default(8080),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "expected one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    BALE_RATE_PER_SECOND: positive(20),
    BALE_RATE_PER_CHAT_PER_SECOND: positive(1),
    TELEGRAM_RATE_PER_SECOND: positive(30),
    TELEGRAM_RATE_PER_CHAT_PER_SECOND: positive(1),
    OUTBOX_RETRY_BASE_MS: positiveInt(2_000),
    OUTBOX_POLL_MS: positiveInt(1_000),
    INBOX_LEASE_MS: positiveInt(60_000),
    OUTBOX_LEASE_MS: positiveInt(60_000),
    INVITE_TTL_DAYS: positiveInt(14),
    OUTBOX_FILE_RETENTION_DAYS: positiveInt(30),
    DIALOG_IDLE_MINUTES: positiveInt(30),
    MAX_ATTACHMENT_MB: positive(20),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    INSTANCE_ID: optionalText,
    SCHEDULER_TICK: z.enum(["on", "off"], { error: "expected on or off" }).default("on"),
  })
  .superRefine((env, ctx) => {
    if (!env.BALE_BOT_TOKEN && !env.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["BALE_BOT_TOKEN"],
        message:
          "set BALE_BOT_TOKEN (from @botfather in Bale) and/or TELEGRAM_BOT_TOKEN (from @BotFather in Telegram): at least one bot token is required",
      });
    }
    if (env.BOT_MODE === "webhook") {
      if (!env.WEBHOOK_URL)
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_URL"],
          message: "required when BOT_MODE=webhook: the public https base URL that Bale/Telegram will call",
        });
      if (!env.WEBHOOK_SECRET)
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_SECRET"],
          message: "required when BOT_MODE=webhook: a random secret of 16+ characters (A-Z a-z 0-9 _ -)",
        });
    }
  });

export type Platform = "bale" | "telegram";
export const PLATFORMS: readonly Platform[] = ["bale", "telegram"];

export interface PlatformConfig {
  platform: Platform;
  token: string;
  apiRoot: string;
  ratePerSecond: number;
  ratePerChatPerSecond: number;
}

export interface Config {
  platforms: PlatformConfig[];
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgres";
  botMode: "polling" | "webhook";
  webhook?: { baseUrl: string; secret: string };
  http: { host: string; port: number };
  /** Where people open the dashboard (its login links): PUBLIC_URL, else WEBHOOK_URL; unset: this machine's HTTP port. */
  publicUrl?: string;
  logLevel: string;
  inviteTtlDays: number;
  /** How long a stored file (a notice letter's bytes) is kept after the last send of it (db/sql/delete-sent-outbox-files.ts). */
  outboxFileRetentionDays: number;
  /** A dialog left unanswered this long is closed (with a note) when the person next writes. */
  dialogIdleMinutes: number;
  /** First delay after a 5xx or network failure; doubles per attempt up to 10 minutes. */
  outboxRetryBaseMs: number;
  /**
   * The dispatchers' safety poll: queued rows wake them after their commit (and, on PostgreSQL,
   * through LISTEN/NOTIFY across processes); the poll finds what no wake announced (SQLite's CLI).
   */
  outboxPollMs: number;
  /**
   * On PostgreSQL, how long an update stored but not yet handled is left to the instance that
   * stored it; after that another instance handles it (its own died: see updates/intake.ts).
   */
  inboxLeaseMs: number;
  /** How long an outbox claim protects its rows from other instances (above the request timeout, 30 s). */
  outboxLeaseMs: number;
  maxAttachmentBytes: number;
  shutdownTimeoutMs: number;
  instanceId: string;
  /** Whose claims this process takes back when it starts (see shared/stale-claims.ts). */
  staleClaims: StaleClaims;
  /** Whether the scheduler ticks by itself every minute (off: only `peygir sweep` and tests run passes). */
  schedulerTick: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError listing every invalid variable by name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const got =
        typeof issue.path[0] === "string" && env[issue.path[0]] !== undefined && !/TOKEN|SECRET|DATABASE_URL/.test(name)
          ? ` (got "${env[issue.path[0]]}")`
          : "";
      return `${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const platforms: PlatformConfig[] = [];
  if (e.BALE_BOT_TOKEN) {
    platforms.push({
      platform: "bale",
      token: e.BALE_BOT_TOKEN,
      apiRoot: e.BALE_API_ROOT,
      ratePerSecond: e.BALE_RATE_PER_SECOND,
      ratePerChatPerSecond: e.BALE_RATE_PER_CHAT_PER_SECOND,
    });
  }
  if (e.TELEGRAM_BOT_TOKEN) {
    platforms.push({
      platform: "telegram",
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      ratePerSecond: e.TELEGRAM_RATE_PER_SECOND,
      ratePerChatPerSecond: e.TELEGRAM_RATE_PER_CHAT_PER_SECOND,
    });
  }
  const databaseProvider = /^postgres/.test(e.DATABASE_URL) ? "postgres" : "sqlite";
  return Object.freeze({
    platforms,
    databaseUrl: e.DATABASE_URL,
    databaseProvider,
    botMode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === "webhook" && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { baseUrl: e.WEBHOOK_URL.replace(/\/+$/, ""), secret: e.WEBHOOK_SECRET }
        : undefined,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    publicUrl: (e.PUBLIC_URL ?? e.WEBHOOK_URL)?.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    inviteTtlDays: e.INVITE_TTL_DAYS,
    outboxFileRetentionDays: e.OUTBOX_FILE_RETENTION_DAYS,
    dialogIdleMinutes: e.DIALOG_IDLE_MINUTES,
    outboxRetryBaseMs: e.OUTBOX_RETRY_BASE_MS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    inboxLeaseMs: e.INBOX_LEASE_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    maxAttachmentBytes: Math.round(e.MAX_ATTACHMENT_MB * 1024 * 1024),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    instanceId: e.INSTANCE_ID ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    staleClaims: staleClaimsOf(databaseProvider, e.INSTANCE_ID),
    schedulerTick: e.SCHEDULER_TICK === "on",
  } satisfies Config);
}

/** Only the database part, for CLI commands that need no bot token (migrate, import, invite). */
export function loadDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const parsed = databaseUrl.safeParse(env.DATABASE_URL);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `DATABASE_URL: ${i.message}`));
  return parsed.data;
}
