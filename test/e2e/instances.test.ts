/**
 * Two `peygir start` processes on one PostgreSQL database behind webhooks (Telegram's, then Bale's), a round-robin proxy
 * spreading the platform's webhook calls over them, as operators run several instances: every
 * update handled once (a platform retry that reaches the other instance included, and an update
 * one instance stored and died before handling), every outbox message sent once and in order per
 * chat, the global rate shared (both together never above the configured limit), each chat's gap
 * kept across both (never two sends to one chat within a second), and after one
 * is killed with kill -9 mid-load, the other finishes its work within a lease.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api/server.js";
import { spawnBot, type BotProcess } from "../support/bot-process.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { TOKENS } from "../support/e2e.js";
import { startUpdate, waitFor } from "../support/stored-update.js";
import { freePort, startRoundRobin, type RoundRobin } from "../support/round-robin.js";

const CHATS = 30;
const PER_CHAT = 4;
/**
 * One chat's queue queued first and longer than the rest: its next message is the oldest due row
 * the moment the last is recorded, so either instance claims it at once unless the chat's gap is
 * kept between them.
 */
const HOT_CHAT_MESSAGES = 8;
const QUEUED = CHATS * PER_CHAT + HOT_CHAT_MESSAGES;
const USERS_PER_WAVE = 15;
/** The bot's configured global rate; the fake allows more, so that the bot's own pacing is what is measured. */
const RATE = 15;
const INBOX_LEASE_MS = 4_000;
const OUTBOX_LEASE_MS = 6_000;
const TEST_TIMEOUT_MS = 90_000;
const PLATFORMS = ["telegram", "bale"] as const;

describe.each(testDatabases())("several instances on $name", (target) => {
  let database: TestDatabase | undefined;
  let fake: FakeBotApi | undefined;
  let proxy: RoundRobin | undefined;
  const bots: BotProcess[] = [];

  afterEach(async () => {
    for (const bot of bots.splice(0)) {
      bot.child.kill("SIGKILL");
      await bot.exited;
    }
    await proxy?.close();
    await fake?.close();
    await database?.drop();
  });

  it.for(PLATFORMS)(
    "share the work behind %s's webhooks, and one killed with kill -9 mid-load loses nothing",
    { timeout: TEST_TIMEOUT_MS },
    async (platform, ctx) => {
      if (target.name === "sqlite") ctx.skip("several instances need PostgreSQL: a SQLite file has one writer process");
      database = await target.create();
      const token = TOKENS[platform];
      const prefix = platform.toUpperCase();
      fake = await startFakeBotApi({
        platform,
        bots: [{ token, username: "peygir_bot" }],
        rateLimit: { globalPerSecond: RATE * 3, perChatPerSecond: 1 },
        webhookRetryMs: 50,
        webhookRetryMaxMs: 400,
      });
      const api = fake;
      const ports = [await freePort(), await freePort()];
      proxy = await startRoundRobin(ports.map((p) => `http://127.0.0.1:${p}`));
      const env = {
        [`${prefix}_BOT_TOKEN`]: token,
        [`${prefix}_API_ROOT`]: api.url,
        [`${prefix}_RATE_PER_SECOND`]: String(RATE),
        DATABASE_URL: database.url,
        BOT_MODE: "webhook",
        WEBHOOK_URL: proxy.url,
        WEBHOOK_SECRET: "instances-test-webhook-secret",
        HTTP_HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        INBOX_LEASE_MS: String(INBOX_LEASE_MS),
        OUTBOX_LEASE_MS: String(OUTBOX_LEASE_MS),
        OUTBOX_RETRY_BASE_MS: "200",
      };
      const { prisma: db, close } = await openDatabase(database.url);
      try {
        const chats = Array.from({ length: CHATS }, (_, i) => api.user({ id: 7_100_000 + i, firstName: `گیرنده ${i}` }).chatId);
        const hotChat = api.user({ id: 7_099_999, firstName: "گیرنده پرکار" }).chatId;
        await db.$transaction(async (tx) => {
          for (let n = 1; n <= HOT_CHAT_MESSAGES; n++)
            await enqueue(tx, { platform, chatId: String(hotChat), message: { text: `پیام ${n} به ${hotChat}` } });
          for (let n = 1; n <= PER_CHAT; n++)
            for (const chat of chats) await enqueue(tx, { platform, chatId: String(chat), message: { text: `پیام ${n} به ${chat}` } });
        });
        const outboxDelivered = () => api.allSent().filter((m) => m.text?.startsWith("پیام ")).length;

        const [first, second] = ports.map((port, i) => spawnBot({ ...env, HTTP_PORT: String(port), INSTANCE_ID: `instance-${i}` }));
        bots.push(first!, second!);
        await Promise.all(bots.map((b) => b.waitForLog(/"bot started"/, 40_000)));

        // The first wave of people writing, while the outbox drains.
        const users = Array.from({ length: USERS_PER_WAVE * 2 + 1 }, (_, i) => api.user({ id: 7_200_000 + i, firstName: `کاربر ${i}` }));
        for (const u of users.slice(0, USERS_PER_WAVE)) u.command("start");
        await waitFor(
          async () => api.pendingUpdates() === 0 && (await db.inboundUpdate.count({ where: { processedAt: null } })) === 0,
          40_000,
        );
        const replies = api.sent(users[0]!.chatId).length;
        expect(replies).toBeGreaterThan(0);
        for (const u of users.slice(0, USERS_PER_WAVE)) expect(api.sent(u.chatId)).toHaveLength(replies);
        expect(proxy.forwarded.every((n) => n > 0)).toBe(true);

        // Kill -9 mid-drain. Not mid-request: a request the API accepted in the instant before the
        // crash is sent again by design (README). The API drops every further send undelivered,
        // and the kill comes once each delivered message is recorded as sent.
        await waitFor(async () => outboxDelivered() >= 30, 40_000);
        api.faults.add({ method: "sendMessage", drop: true });
        await waitFor(async () => (await db.outboxMessage.count({ where: { status: "sent" } })) === outboxDelivered(), 20_000);
        first!.child.kill("SIGKILL");
        expect((await first!.exited).signal).toBe("SIGKILL");
        const atKill = outboxDelivered();
        expect(atKill).toBeLessThan(QUEUED);
        api.faults.clear();

        // The second wave, a platform retry of an update already handled, and an update the killed
        // instance had stored but not handled: the proxy still sends half the calls to the dead one.
        const secondWaveUsers = users.slice(USERS_PER_WAVE, USERS_PER_WAVE * 2);
        for (const u of secondWaveUsers) u.command("start");
        const handled = await db.inboundUpdate.findFirst({ orderBy: { updateId: "asc" }, select: { updateId: true } });
        api.redeliver(token, handled!.updateId);
        const orphan = users.at(-1)!;
        const me = api.bots[0]!;
        await db.inboundUpdate.create({
          data: {
            platform,
            botId: String(me.id),
            updateId: 900_000_000,
            payload: startUpdate(900_000_000, orphan.id),
            receivedAt: new Date(),
          },
        });

        await waitFor(async () => outboxDelivered() >= QUEUED, 60_000);
        await waitFor(async () => api.sent(orphan.chatId).length >= replies, 30_000);
        await waitFor(
          async () =>
            api.pendingUpdates() === 0 &&
            (await db.inboundUpdate.count({ where: { processedAt: null } })) === 0 &&
            secondWaveUsers.every((u) => api.sent(u.chatId).length >= replies),
          30_000,
        );
        // Anything handled or sent twice would have gone out by the time the survivor is idle.
        await waitFor(async () => (await db.outboxMessage.count({ where: { status: "pending" } })) === 0, 10_000);
        second!.child.kill("SIGTERM");
        expect((await second!.exited).code).toBe(0);

        for (const chat of chats)
          expect(api.sent(chat).map((m) => m.text)).toEqual(Array.from({ length: PER_CHAT }, (_, n) => `پیام ${n + 1} به ${chat}`));
        expect(api.sent(hotChat).map((m) => m.text)).toEqual(
          Array.from({ length: HOT_CHAT_MESSAGES }, (_, n) => `پیام ${n + 1} به ${hotChat}`),
        );
        for (const u of users) expect(api.sent(u.chatId), `replies to user ${u.id}`).toHaveLength(replies);
        expect(await db.outboxMessage.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "sent", _count: QUEUED }]);

        // The platform's rule, over every send request that reached it (refused or dropped ones
        // too): never more than RATE in any second, from both instances together.
        const sends = api.requests.filter((r) => r.method === "sendMessage").map((r) => r.time);
        expect(sends.length).toBeGreaterThanOrEqual(QUEUED + users.length * replies);
        expect(busiestSecond(sends)).toBeLessThanOrEqual(RATE);
        // And the chat's rule, over the same requests as they arrived: no chat of the outbox got two
        // within a second (the platform's 1/s per chat), whichever instances sent them.
        const arrivals = new Map<string, number[]>();
        for (const r of api.requests.filter((r) => r.method === "sendMessage"))
          arrivals.set(String(r.params.chat_id), [...(arrivals.get(String(r.params.chat_id)) ?? []), r.time - r.durationMs]);
        for (const chat of [hotChat, ...chats])
          expect(closestTwo(arrivals.get(String(chat)) ?? []), `chat ${chat}`).toBeGreaterThanOrEqual(1000);
      } finally {
        await close();
      }
    },
  );
});

/** The shortest time between two of `times` (sorted or not); Infinity for fewer than two. */
function closestTwo(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.min(...sorted.slice(1).map((t, i) => t - sorted[i]!));
}

/** The most sends in any window of one second (sorted or not). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
