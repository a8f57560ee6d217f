/**
 * The outbox against a misbehaving API, on each database: rate limits and 429 storms, server
 * errors and dropped connections, a user who blocked the bot, a request the API rejects.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, type E2E } from "../support/e2e.js";
import { outboxSettled, queueFor } from "../support/outbox.js";
import { seedPeople } from "../support/seed.js";

const PHONES = ["09121000001", "09121000002", "09121000003", "09121000004", "09121000008"];

describe.each(testDatabases())("outbox on $name", (target) => {
  let database: TestDatabase;
  let e2e: E2E;

  beforeEach(async () => {
    database = await target.create();
    await seedPeople(database.url);
    e2e = await startE2E({
      databaseUrl: database.url,
      platforms: ["telegram"],
      env: { TELEGRAM_RATE_PER_SECOND: "30", TELEGRAM_RATE_PER_CHAT_PER_SECOND: "1", OUTBOX_RETRY_BASE_MS: "100" },
      fake: { telegram: { rateLimit: { globalPerSecond: 30, perChatPerSecond: 1 }, seed: 7 } },
    });
  });
  afterEach(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  async function bindAll() {
    const users = [];
    for (const phone of PHONES) users.push(await e2e.bindUser("telegram", phone));
    return users;
  }

  it("delivers everything exactly once and in order through a 429 storm", async () => {
    const users = await bindAll();
    const fake = e2e.fake("telegram");
    fake.faults.add({ method: "sendMessage", status: 429, retryAfter: 1, probability: 0.3, seed: 11 });
    for (const phone of PHONES) await queueFor(e2e.app, phone, ["پیام ۱", "پیام ۲", "پیام ۳"]);
    await outboxSettled(e2e.app);
    for (const user of users) {
      const texts = user
        .messages()
        .map((m) => m.text)
        .filter((t) => t?.startsWith("پیام"));
      expect(texts).toEqual(["پیام ۱", "پیام ۲", "پیام ۳"]);
    }
    expect(fake.stats.faults).toBeGreaterThan(0);
    // Our own pacing never trips the server's limiter: every 429 was an injected one.
    expect(fake.stats.rateLimited).toBe(0);
    const rows = await e2e.app.database.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "sent" && r.messageId)).toBe(true);
    expect(rows.some((r) => r.attempts > 1 && /429/.test(r.lastError ?? ""))).toBe(true);
  });

  it("retries server errors and dropped connections with backoff", async () => {
    const [user] = await bindAll();
    const fake = e2e.fake("telegram");
    fake.faults.add({ method: "sendMessage", chatId: user!.chatId, status: 502, times: 2 });
    fake.faults.add({ method: "sendMessage", chatId: user!.chatId, drop: true, times: 1 });
    await queueFor(e2e.app, PHONES[0]!, ["پس از خطا"]);
    await outboxSettled(e2e.app);
    expect(user!.messages().filter((m) => m.text === "پس از خطا")).toHaveLength(1);
    const row = await e2e.app.database.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: String(user!.chatId) } });
    expect(row).toMatchObject({ status: "sent", attempts: 4 });
  });

  it("marks a user who blocked the bot unreachable, and reachable again when they write", async () => {
    const users = await bindAll();
    const blocker = users[1]!;
    blocker.block();
    await queueFor(e2e.app, PHONES[1]!, ["اول", "دوم"]);
    await outboxSettled(e2e.app);
    const db = e2e.app.database.prisma;
    const rows = await db.outboxMessage.findMany({ where: { chatId: String(blocker.chatId) } });
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(rows[0]!.lastError).toMatch(/403.*blocked/);
    const identity = await db.chatIdentity.findFirstOrThrow({ where: { chatId: String(blocker.chatId) } });
    expect(identity.reachable).toBe(false);
    expect(await db.auditLog.count({ where: { action: "identity.unreachable" } })).toBe(1);
    // While unreachable, nothing more is queued for them.
    expect(await queueFor(e2e.app, PHONES[1]!, ["سوم"])).toBe(0);
    blocker.unblock();
    blocker.command("/help");
    await blocker.waitFor(/نقش‌های شما/);
    expect((await db.chatIdentity.findFirstOrThrow({ where: { id: identity.id } })).reachable).toBe(true);
    expect(await queueFor(e2e.app, PHONES[1]!, ["چهارم"])).toBe(1);
    await blocker.waitFor("چهارم");
  });

  it("records a request the API rejects as failed, with the reason, and goes on", async () => {
    const users = await bindAll();
    const fake = e2e.fake("telegram");
    fake.faults.add({ method: "sendMessage", chatId: users[0]!.chatId, status: 400, description: "Bad Request: chat not found", times: 1 });
    await queueFor(e2e.app, PHONES[0]!, ["رد می‌شود", "بعدی می‌رسد"]);
    await outboxSettled(e2e.app);
    const rows = await e2e.app.database.prisma.outboxMessage.findMany({
      where: { chatId: String(users[0]!.chatId) },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([
      ["failed", "400 Bad Request: chat not found"],
      ["sent", null],
    ]);
  });
});
