/**
 * How the outbox learns of new rows, on each database: after-commit hooks on the transaction
 * helper wake the dispatcher (no wait for the safety poll, made here ten minutes long), and on
 * PostgreSQL LISTEN/NOTIFY wakes another instance's; two dispatchers on one PostgreSQL database
 * never send a message twice and keep each chat's order.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { afterCommit } from "../../src/db/after-commit.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { OutboxDispatcher } from "../../src/outbox/dispatcher.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { OutboxWakeChannel } from "../../src/outbox/wake-channel.js";
import { systemClock } from "../../src/shared/clock.js";
import { releaseStale, staleClaimsOf } from "../../src/shared/stale-claims.js";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api/server.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, type E2E } from "../support/e2e.js";
import { outboxSettled } from "../support/outbox.js";
import { withEnv } from "../support/cli.js";
import { withCli } from "../../src/cli/context.js";
import { seedPeople } from "../support/seed.js";
import type { OutboxTopic } from "../../src/domain/outbox-topic.js";

/** Test messages are about nothing the bot knows: no codec kind, so no reply maps back to an item. */
const TEST_TOPIC = "test" as OutboxTopic;

/** Longer than any test here: a message that waited for the poll would time the test out. */
const SAFETY_POLL_MS = "600000";
const TOKEN = "4444444444:wake-token-DDDDDDDDDDDD";

describe.each(testDatabases())("outbox wake-ups on $name", (target) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await target.create();
  });
  afterEach(async () => {
    await database?.drop();
  });

  it("runs after-commit hooks once the transaction committed, and never after a rollback", async () => {
    const db: Database = await openDatabase(database.url);
    try {
      const seen: number[] = [];
      await db.prisma.$transaction(async (tx) => {
        await enqueue(tx, { platform: "telegram", chatId: "1", message: { text: "committed" } });
        afterCommit(tx, () => seen.push(1));
        expect(seen).toEqual([]);
      });
      expect(seen).toEqual([1]);
      await expect(
        db.prisma.$transaction(async (tx) => {
          await enqueue(tx, { platform: "telegram", chatId: "1", message: { text: "rolled back" } });
          afterCommit(tx, () => seen.push(2));
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(seen).toEqual([1]);
      // Outside a transaction the statement has committed already: the hook runs at once.
      afterCommit(db.prisma, () => seen.push(3));
      expect(seen).toEqual([1, 3]);
      expect(await db.prisma.outboxMessage.count()).toBe(1);
    } finally {
      await db.close();
    }
  });

  describe("in the running bot", () => {
    let e2e: E2E;
    beforeEach(async () => {
      await seedPeople(database.url);
      e2e = await startE2E({ databaseUrl: database.url, platforms: ["telegram"], env: { OUTBOX_POLL_MS: SAFETY_POLL_MS } });
    });
    afterEach(async () => {
      await e2e?.stop();
    });

    it("sends a message queued in a transaction without waiting for the safety poll", async () => {
      const user = await e2e.bindUser("telegram", "09121000001");
      await outboxSettled(e2e.app);
      // Let the chat's pace pass, so the dispatcher has nothing left to look at and sleeps the full poll.
      await new Promise((r) => setTimeout(r, 2_000));
      const db = e2e.app.database.prisma;
      const person = await db.person.findFirstOrThrow({ where: { identities: { some: { chatId: String(user.chatId) } } } });
      await db.$transaction((tx) =>
        e2e.app.services.notifier.toPerson(tx, person.id, () => ({ text: "پیام بیدارباش" }), { topic: TEST_TOPIC }),
      );
      const message = await user.waitFor("پیام بیدارباش", { timeoutMs: 20_000 });
      expect(message.text).toBe("پیام بیدارباش");
    });
  });

  if (target.name !== "postgres") return;

  describe("two instances", () => {
    let fake: FakeBotApi;
    const opened: Database[] = [];
    const stops: (() => Promise<void>)[] = [];
    beforeEach(async () => {
      fake = await startFakeBotApi({
        platform: "telegram",
        bots: [{ token: TOKEN, username: "wake_bot" }],
        rateLimit: { globalPerSecond: 1000, perChatPerSecond: 1000 },
        requestLog: false,
      });
    });
    afterEach(async () => {
      for (const stop of stops.splice(0).reverse()) await stop();
      for (const db of opened.splice(0)) await db.close();
      await fake.close();
    });

    /** One instance: its own database client, dispatcher and wake channel. */
    async function instance(id: string) {
      const db = await openDatabase(database.url);
      opened.push(db);
      const logger = createLogger("silent");
      const dispatcher = new OutboxDispatcher({
        platform: { platform: "telegram", token: TOKEN, apiRoot: fake.url, ratePerSecond: 1000, ratePerChatPerSecond: 1000 },
        db: db.prisma,
        provider: db.provider,
        clock: systemClock,
        logger,
        instanceId: id,
        pollMs: Number(SAFETY_POLL_MS),
        maxInFlight: 4,
      });
      const channel = new OutboxWakeChannel({
        db: db.prisma,
        provider: db.provider,
        url: database.url,
        logger,
        wake: () => dispatcher.wake(),
      });
      await channel.start();
      stops.push(() => channel.stop());
      return { db, dispatcher, channel };
    }

    it("never send a message twice and keep each chat's order", async () => {
      const chats = Array.from({ length: 6 }, (_, i) => String(fake.user({ id: 7_000_000 + i, firstName: `c${i}` }).chatId));
      const a = await instance("a");
      const b = await instance("b");
      await a.db.prisma.$transaction(async (tx) => {
        for (let n = 1; n <= 8; n++)
          for (const chatId of chats) await enqueue(tx, { platform: "telegram", chatId, message: { text: `m${n}` } });
      });
      for (const { dispatcher } of [a, b]) {
        await dispatcher.start();
        stops.push(() => dispatcher.stop());
      }
      await settled(a.db);
      const sent = fake.allSent();
      expect(sent).toHaveLength(48);
      for (const chatId of chats) {
        expect(sent.filter((m) => String(m.chatId) === chatId).map((m) => m.text)).toEqual([
          "m1",
          "m2",
          "m3",
          "m4",
          "m5",
          "m6",
          "m7",
          "m8",
        ]);
      }
      const rows = await a.db.prisma.outboxMessage.findMany();
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    });

    it("a restarted instance takes back its own claims at once and leaves another instance's to its lease", async () => {
      const [mine, theirs] = ["mine", "theirs"].map((name, i) => String(fake.user({ id: 7_200_000 + i, firstName: name }).chatId));
      const a = await instance("a");
      await a.db.prisma.$transaction(async (tx) => {
        for (const chatId of [mine!, theirs!]) await enqueue(tx, { platform: "telegram", chatId, message: { text: chatId } });
      });
      // As a kill -9 leaves them: claimed, leased for a minute, never sent.
      const leaseUntil = new Date(Date.now() + 60_000);
      await a.db.prisma.outboxMessage.updateMany({ where: { chatId: mine! }, data: { claimedBy: "a", claimedUntil: leaseUntil } });
      await a.db.prisma.outboxMessage.updateMany({ where: { chatId: theirs! }, data: { claimedBy: "b", claimedUntil: leaseUntil } });
      await releaseStale(staleClaimsOf("postgres", "a"), (owner) => a.dispatcher.releaseStaleClaims(owner));
      await a.dispatcher.start();
      stops.push(() => a.dispatcher.stop());
      await expect.poll(() => fake.allSent().map((m) => m.text), { timeout: 10_000 }).toEqual([mine]);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(fake.allSent().map((m) => m.text)).toEqual([mine]);
      const held = await a.db.prisma.outboxMessage.findFirstOrThrow({ where: { chatId: theirs! } });
      expect(held).toMatchObject({ status: "pending", claimedBy: "b" });
      // An unnamed process on PostgreSQL takes back nothing: any claim may be a live instance's.
      expect(staleClaimsOf("postgres", undefined)).toEqual({ kind: "none" });
      expect(staleClaimsOf("sqlite", undefined)).toEqual({ kind: "all" });
    });

    it("wake a running bot through NOTIFY when a CLI command queued a message", async () => {
      const chatId = String(fake.user({ id: 7_300_000, firstName: "cli" }).chatId);
      const bot = await instance("bot");
      await bot.dispatcher.start();
      stops.push(() => bot.dispatcher.stop());
      await new Promise((r) => setTimeout(r, 500)); // asleep for its ten-minute poll
      const restore = withEnv({ DATABASE_URL: database.url, BALE_BOT_TOKEN: undefined, TELEGRAM_BOT_TOKEN: undefined });
      try {
        await withCli(async (cli) => {
          await cli.database.prisma.$transaction(async (tx) => {
            await enqueue(tx, { platform: "telegram", chatId, message: { text: "از خط فرمان" } });
            // What the notifier registers for every row it queues.
            afterCommit(tx, () => cli.deps.onQueued?.("telegram"));
          });
        });
      } finally {
        restore();
      }
      await settled(bot.db);
      expect(fake.allSent().map((m) => m.text)).toEqual(["از خط فرمان"]);
    });

    it("wake each other through NOTIFY when one queues a message", async () => {
      const chatId = String(fake.user({ id: 7_100_000, firstName: "n" }).chatId);
      const queuer = await instance("queuer");
      const sender = await instance("sender");
      await sender.dispatcher.start();
      stops.push(() => sender.dispatcher.stop());
      // The queuing instance has no dispatcher running: only the other one, asleep for its long poll, can send.
      await new Promise((r) => setTimeout(r, 500));
      await queuer.db.prisma.$transaction(async (tx) => {
        await enqueue(tx, { platform: "telegram", chatId, message: { text: "از نمونهٔ دیگر" } });
        afterCommit(tx, () => queuer.channel.announce("telegram"));
      });
      await settled(queuer.db);
      expect(fake.allSent().map((m) => m.text)).toEqual(["از نمونهٔ دیگر"]);
    });
  });
});

async function settled(db: Database, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0) {
    if (Date.now() > deadline) throw new Error("outbox rows still pending");
    await new Promise((r) => setTimeout(r, 50));
  }
}
