/**
 * Polling when a batch cannot be stored (the database is away): it waits longer after each
 * failure in a row — getUpdates answering is not a success until its batch is stored — and each
 * failure is one short log line, never the batch.
 */
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { PROFILES } from "../../src/platforms/profile.js";
import type { UpdateInbox } from "../../src/updates/inbox.js";
import { startPolling } from "../../src/updates/polling.js";
import type { UpdateProcessor } from "../../src/updates/processor.js";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api/server.js";
import { captureLog } from "../support/log.js";

const TOKEN = "3333333:polling-backoff-token";

describe("polling when its batches cannot be stored", () => {
  let api: FakeBotApi | undefined;
  afterEach(async () => {
    await api?.close();
  });

  it("backs off further after each failure and logs each one briefly", async () => {
    api = await startFakeBotApi({ platform: "bale", bots: [{ token: TOKEN }] });
    const huge = "ن".repeat(20_000);
    api.user().send(huge);
    let attempts = 0;
    const inbox = {
      nextOffset: async () => 0,
      accept: async (updates: Update[]) => {
        attempts++;
        throw new Error(`database refused the batch: ${JSON.stringify(updates)}`);
      },
    } as unknown as UpdateInbox;
    const log = captureLog();
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const runner = await startPolling({
      bot: bot as never,
      profile: PROFILES.bale,
      inbox,
      processor: { process: async () => undefined } as unknown as UpdateProcessor,
      logger: createLogger("info", log.stream),
      timeoutSeconds: 0,
      retryBaseMs: 2,
    });
    while (attempts < 5) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    const waits = log
      .lines()
      .filter((l) => l.msg === "receiving updates failed; retrying")
      .map((l) => l.retryInMs as number);
    expect(waits.slice(0, 4)).toEqual([4, 8, 16, 32]);
    expect(log.text()).not.toContain(huge.slice(0, 100));
    expect(
      Math.max(
        ...log
          .text()
          .split("\n")
          .map((l) => l.length),
      ),
    ).toBeLessThan(1_000);
  });
});
