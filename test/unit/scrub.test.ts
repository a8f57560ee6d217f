import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/logging/logger.js";
import { errorText, registerSecrets, scrubSecrets, secretsOf } from "../../src/logging/scrub.js";
import { classify } from "../../src/outbox/dispatcher.js";
import { HttpError } from "grammy";
import { captureLog } from "../support/log.js";

/** The shortest tokens and secret the config accepts. */
const SHORT_TOKEN = "7:abcdefghij";
const WEBHOOK_SECRET = "s3cr3t-webhook-16";
const DB_PASSWORD = "pw";

describe("the secret scrubber", () => {
  it("scrubs tokens of every length the config accepts, bare and in API paths", () => {
    expect(scrubSecrets(`request to http://127.0.0.1:9/bot${SHORT_TOKEN}/sendMessage failed`)).toBe(
      "request to http://127.0.0.1:9/bot<redacted>/sendMessage failed",
    );
    expect(scrubSecrets(`token ${SHORT_TOKEN} here`)).toBe("token <redacted> here");
    // A token outside the usual shape still sits in the /bot…/ path segment.
    expect(scrubSecrets("GET https://tapi.bale.ai/botNOT-A-SHAPE.x/getMe")).toBe("GET https://tapi.bale.ai/bot<redacted>/getMe");
    expect(scrubSecrets("postgresql://peygir:hunter2@db:5432/peygir")).toBe("postgresql://peygir:<redacted>@db:5432/peygir");
    // Times, dates and ordinary text stay as they are.
    expect(scrubSecrets("at 2026-12-01T20:00:54Z, 12:30 مصوبه ۱")).toBe("at 2026-12-01T20:00:54Z, 12:30 مصوبه ۱");
  });

  it("scrubs every configured secret wherever it occurs: tokens, the webhook secret, the database password", () => {
    const config = loadConfig({
      BALE_BOT_TOKEN: SHORT_TOKEN,
      TELEGRAM_BOT_TOKEN: "8:klmnopqrst",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://peygir.example.ir",
      WEBHOOK_SECRET,
      DATABASE_URL: `postgresql://peygir:${DB_PASSWORD}xyz@db:5432/peygir`,
    });
    expect(secretsOf(config)).toEqual([SHORT_TOKEN, "8:klmnopqrst", WEBHOOK_SECRET, `${DB_PASSWORD}xyz`]);
    registerSecrets(secretsOf(config));
    expect(scrubSecrets(`POST /webhook/bale/${WEBHOOK_SECRET} refused`)).toBe("POST /webhook/bale/<redacted> refused");
    expect(scrubSecrets(`password "${DB_PASSWORD}xyz" rejected`)).toBe('password "<redacted>" rejected');
    expect(scrubSecrets(`pass=${encodeURIComponent(WEBHOOK_SECRET)}`)).not.toContain(WEBHOOK_SECRET);
  });

  it("keeps secrets out of the log: messages, fields, errors and their stacks", () => {
    registerSecrets([WEBHOOK_SECRET]);
    const log = captureLog();
    const logger = createLogger("info", log.stream);
    logger.info({ url: `https://api.telegram.org/bot${SHORT_TOKEN}/getMe`, token: SHORT_TOKEN }, `calling bot${SHORT_TOKEN}`);
    logger.error({ err: new Error(`request to http://x/bot${SHORT_TOKEN}/getUpdates failed (${WEBHOOK_SECRET})`) }, "failed");
    logger.child({ platform: "bale" }).warn({ nested: { deeper: { t: SHORT_TOKEN } } }, `secret ${WEBHOOK_SECRET}`);
    expect(log.lines()).toHaveLength(3);
    expect(log.text()).not.toContain("abcdefghij");
    expect(log.text()).not.toContain(WEBHOOK_SECRET);
    expect(log.text()).toContain("<redacted>");
  });

  it("scrubs the error an outbox row stores after a network failure", () => {
    const cause = new Error(`request to http://127.0.0.1:40000/bot${SHORT_TOKEN}/sendMessage failed, reason: socket hang up`);
    const outcome = classify(new HttpError("Network request for 'sendMessage' failed!", cause), 1, 5);
    expect(outcome.kind).toBe("retry");
    expect(outcome.kind !== "sent" && outcome.error).toBe(
      "network: request to http://127.0.0.1:40000/bot<redacted>/sendMessage failed, reason: socket hang up",
    );
    expect(errorText({ weird: SHORT_TOKEN })).not.toContain("abcdefghij");
  });
});
