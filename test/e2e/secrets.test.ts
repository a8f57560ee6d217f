/**
 * No secret in the database or the log, on each database: with the shortest tokens the config
 * accepts, a send whose connection drops (the network error quotes the API URL, token and all)
 * leaves a scrubbed `lastError` behind and a scrubbed log.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, type E2E } from "../support/e2e.js";
import { captureLog, type CapturedLog } from "../support/log.js";
import { outboxSettled, queueFor } from "../support/outbox.js";
import { seedPeople } from "../support/seed.js";

const SHORT = { bale: "7:abcdefghij", telegram: "8:klmnopqrst" };

describe.each(testDatabases())("secrets on $name", (target) => {
  let database: TestDatabase;
  let e2e: E2E;
  let log: CapturedLog;

  beforeEach(async () => {
    database = await target.create();
    await seedPeople(database.url);
    log = captureLog();
    e2e = await startE2E({
      databaseUrl: database.url,
      tokens: SHORT,
      logDestination: log.stream,
      env: { OUTBOX_RETRY_BASE_MS: "50" },
    });
  });
  afterEach(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  it.each(["bale", "telegram"] as const)("stores and logs a dropped send on %s without the token", async (platform) => {
    const user = await e2e.bindUser(platform, "09121000004");
    const fake = e2e.fake(platform);
    fake.faults.add({ method: "sendMessage", chatId: user.chatId, drop: true, times: 2 });
    await queueFor(e2e.app, "09121000004", ["پس از قطع اتصال"]);
    await outboxSettled(e2e.app);
    await user.waitFor("پس از قطع اتصال");
    const row = await e2e.app.database.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: String(user.chatId) } });
    expect(row).toMatchObject({ status: "sent", attempts: 3 });
    expect(row.lastError).toMatch(/^network: /);
    expect(row.lastError).toContain("<redacted>");
    const secret = SHORT[platform].split(":")[1]!;
    expect(row.lastError).not.toContain(secret);
    expect(log.text()).toContain("send did not succeed");
    expect(log.text()).not.toContain(secret);
  });
});
