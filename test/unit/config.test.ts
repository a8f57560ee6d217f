import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

const BALE = "123456789:AAbbCCddEEffGGhhIIjjKK";
const TELEGRAM = "987654321:ZZyyXXwwVVuuTTssRRqq";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("uses the documented defaults with one token", () => {
    const config = loadConfig({ BALE_BOT_TOKEN: BALE });
    expect(config.platforms).toEqual([
      { platform: "bale", token: BALE, apiRoot: "https://tapi.bale.ai", ratePerSecond: 20, ratePerChatPerSecond: 1 },
    ]);
    expect(config.databaseUrl).toBe("file:./data/peygir.db");
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.botMode).toBe("polling");
    expect(config.http.port).toBe(8080);
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.outboxFileRetentionDays).toBe(30);
    expect(loadConfig({ BALE_BOT_TOKEN: BALE, OUTBOX_FILE_RETENTION_DAYS: "90" }).outboxFileRetentionDays).toBe(90);
  });

  it("serves both platforms and PostgreSQL", () => {
    const config = loadConfig({
      BALE_BOT_TOKEN: BALE,
      TELEGRAM_BOT_TOKEN: TELEGRAM,
      DATABASE_URL: "postgres://u@db:5432/peygir",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9/",
    });
    expect(config.platforms.map((p) => p.platform)).toEqual(["bale", "telegram"]);
    expect(config.platforms[1]!.apiRoot).toBe("http://127.0.0.1:9");
    expect(config.platforms[1]!.ratePerSecond).toBe(30);
    expect(config.databaseProvider).toBe("postgres");
  });

  it("explains what to set when no token is given", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BALE_BOT_TOKEN: set BALE_BOT_TOKEN .* and\/or TELEGRAM_BOT_TOKEN/);
  });

  it("reports every invalid variable at once, by name, with what is expected", () => {
    const problems = problemsOf({
      BALE_BOT_TOKEN: "not-a-token",
      DATABASE_URL: "mysql://x",
      BOT_MODE: "push",
      HTTP_PORT: "99999",
      LOG_LEVEL: "loud",
      TELEGRAM_RATE_PER_SECOND: "-3",
      BALE_API_ROOT: "ftp://x",
      OUTBOX_FILE_RETENTION_DAYS: "0",
    });
    const names = problems.map((p) => p.split(":")[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        "BALE_BOT_TOKEN",
        "DATABASE_URL",
        "BOT_MODE",
        "HTTP_PORT",
        "LOG_LEVEL",
        "TELEGRAM_RATE_PER_SECOND",
        "BALE_API_ROOT",
        "OUTBOX_FILE_RETENTION_DAYS",
      ]),
    );
    expect(problems.find((p) => p.startsWith("BOT_MODE"))).toContain("expected polling or webhook");
    expect(problems.find((p) => p.startsWith("BOT_MODE"))).toContain('(got "push")');
  });

  it("never echoes a token or a database URL back", () => {
    const problems = problemsOf({ BALE_BOT_TOKEN: "12345:short", DATABASE_URL: "mysql://secret@x" }).join("\n");
    expect(problems).not.toContain("12345:short");
    expect(problems).not.toContain("secret");
  });

  it("requires the webhook URL and secret in webhook mode", () => {
    const problems = problemsOf({ BALE_BOT_TOKEN: BALE, BOT_MODE: "webhook" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["WEBHOOK_SECRET", "WEBHOOK_URL"]);
    const config = loadConfig({
      BALE_BOT_TOKEN: BALE,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://p.example.ir/",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
    });
    expect(config.webhook).toEqual({ baseUrl: "https://p.example.ir", secret: "s3cret-s3cret-s3cret" });
  });
});
