/**
 * The bot as a process: it refuses to start without a token (and, on PostgreSQL, beside an
 * instance that believes it is alone), stops in order on SIGTERM within the shutdown timeout, and
 * after a `kill -9` while the outbox drains, a restart delivers every message exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { startFakeBotApi, type FakeBotApi } from "../fake-bot-api/server.js";
import { spawnBot } from "../support/bot-process.js";
import { scratchDir, testDatabases, type TestDatabase } from "../support/databases.js";
import { TOKENS } from "../support/e2e.js";

describe("starting without configuration", () => {
  it("exits non-zero and says exactly what to set", async () => {
    const bot = spawnBot({ DATABASE_URL: `file:${scratchDir()}/never-created.db` });
    const { code } = await bot.exited;
    expect(code).toBe(2);
    expect(bot.output()).toContain("BALE_BOT_TOKEN");
    expect(bot.output()).toContain("TELEGRAM_BOT_TOKEN");
    expect(bot.output()).toMatch(/at least one bot token is required/);
  });

  it("names every invalid variable at once", async () => {
    const bot = spawnBot({ BALE_BOT_TOKEN: "nope", BOT_MODE: "hook", HTTP_PORT: "x" });
    expect((await bot.exited).code).toBe(2);
    for (const name of ["BALE_BOT_TOKEN", "BOT_MODE", "HTTP_PORT"]) expect(bot.output()).toContain(`${name}:`);
  });
});

describe("starting while the Bot API cannot be reached", () => {
  it("says so and keeps trying, instead of waiting in silence", async () => {
    const bot = spawnBot({
      BALE_BOT_TOKEN: TOKENS.bale,
      BALE_API_ROOT: "http://127.0.0.1:1",
      DATABASE_URL: `file:${scratchDir()}/unreachable.db`,
      HTTP_PORT: "0",
      LOG_LEVEL: "info",
    });
    try {
      // One line: the API root and the cause an operator can act on, never the token, no stack.
      const line = await bot.waitForLog(/cannot reach the Bot API yet/, 20_000);
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.msg).toBe("cannot reach the Bot API yet at http://127.0.0.1:1 (connection refused (ECONNREFUSED)); retrying in 2 s");
      expect(entry).toMatchObject({
        level: 40,
        platform: "bale",
        apiRoot: "http://127.0.0.1:1",
        cause: "connection refused (ECONNREFUSED)",
      });
      expect(line).not.toContain(TOKENS.bale.split(":")[1]);
      expect(line).not.toMatch(/stack|\\n {4}at /);
      // A SIGINT while it waits for the API is an orderly stop, and says so.
      bot.child.kill("SIGINT");
      expect((await bot.exited).code).toBe(0);
      expect(bot.output()).toMatch(/"signal":"SIGINT","started":false,"msg":"shutdown requested"/);
    } finally {
      bot.child.kill("SIGKILL");
      await bot.exited;
    }
  });
});

const CHATS = 20;
/** Two bot processes start in each test: beside the whole suite on two cores, one start takes seconds. */
const PROCESS_TEST_TIMEOUT_MS = 90_000;
const PER_CHAT = 3;

describe.each(testDatabases())("the bot process on $name", (target) => {
  let database: TestDatabase;
  let fake: FakeBotApi;
  let env: Record<string, string>;

  beforeEach(async () => {
    database = await target.create();
    fake = await startFakeBotApi({
      platform: "telegram",
      bots: [{ token: TOKENS.telegram, username: "peygir_bot" }],
      rateLimit: { globalPerSecond: 20, perChatPerSecond: 1 },
    });
    env = {
      TELEGRAM_BOT_TOKEN: TOKENS.telegram,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_RATE_PER_SECOND: "20",
      DATABASE_URL: database.url,
      HTTP_HOST: "127.0.0.1",
      HTTP_PORT: "0",
      LOG_LEVEL: "info",
      // The restart is the same instance, so it takes back the claims the killed run left at once
      // (on PostgreSQL an unnamed process must wait out their lease: another may be alive).
      INSTANCE_ID: "peygir-process-test",
    };
  });
  afterEach(async () => {
    await fake?.close();
    await database?.drop();
  });

  async function queueMessages(): Promise<number[]> {
    const chats = Array.from({ length: CHATS }, (_, i) => fake.user({ id: 7_000_000 + i, firstName: `کاربر ${i}` }).chatId);
    const { prisma, close } = await openDatabase(database.url);
    await prisma.$transaction(async (tx) => {
      for (let n = 1; n <= PER_CHAT; n++) {
        for (const chat of chats)
          await enqueue(tx, { platform: "telegram", chatId: String(chat), message: { text: `پیام ${n} به ${chat}` } });
      }
    });
    await close();
    return chats;
  }

  it(
    "delivers every message exactly once after a kill -9 mid-drain and a restart",
    async () => {
      const chats = await queueMessages();
      const first = spawnBot(env);
      // A crash mid-drain, not mid-request (a request cut off after the API took it is sent again by
      // design; see README): once 25 are delivered, the API drops every further send undelivered; the
      // bot is killed once it has recorded each delivered one as sent, with the rest pending or claimed.
      await new Promise<void>((resolve) => {
        let delivered = 0;
        fake.on("delivered", () => {
          if (++delivered === 25) {
            fake.faults.add({ method: "sendMessage", drop: true });
            resolve();
          }
        });
      });
      const { prisma: watcher, close: closeWatcher } = await openDatabase(database.url);
      await waitUntilAsync(
        async () => (await watcher.outboxMessage.count({ where: { status: "sent" } })) === fake.allSent().length,
        20_000,
      );
      await closeWatcher();
      first.child.kill("SIGKILL");
      expect((await first.exited).signal).toBe("SIGKILL");
      const beforeRestart = fake.allSent().length;
      expect(beforeRestart).toBeGreaterThanOrEqual(25);
      expect(beforeRestart).toBeLessThan(CHATS * PER_CHAT);

      fake.faults.clear();
      const second = spawnBot(env);
      await second.waitForLog(/"bot started"/);
      await waitUntil(() => fake.allSent().length >= CHATS * PER_CHAT, 30_000);
      await new Promise((r) => setTimeout(r, 300)); // anything sent twice would arrive now
      second.child.kill("SIGTERM");
      expect((await second.exited).code).toBe(0);

      for (const chat of chats) {
        expect(fake.sent(chat).map((m) => m.text)).toEqual([1, 2, 3].map((n) => `پیام ${n} به ${chat}`));
      }
      const { prisma, close } = await openDatabase(database.url);
      const statuses = await prisma.outboxMessage.groupBy({ by: ["status"], _count: true });
      await close();
      expect(statuses).toEqual([{ status: "sent", _count: CHATS * PER_CHAT }]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it.runIf(target.name === "postgres")(
    "refuses a second instance beside one without INSTANCE_ID, saying what to set",
    async () => {
      const { INSTANCE_ID: _named, ...unnamed } = env;
      const alone = spawnBot(unnamed);
      try {
        await alone.waitForLog(/"msg":"bot started"/, 30_000);
        for (const second of [spawnBot(unnamed), spawnBot(env)]) {
          expect((await second.exited).code).toBe(1);
          expect(second.output()).toMatch(/is running on this PostgreSQL database.*INSTANCE_ID/);
          expect(second.output()).not.toMatch(/"msg":"bot started"/);
        }
      } finally {
        alone.child.kill("SIGTERM");
        await alone.exited;
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "stops in order on SIGTERM while draining, within the shutdown timeout, losing nothing",
    async () => {
      await queueMessages();
      const bot = spawnBot(env);
      await waitUntil(() => fake.allSent().length >= 10, 20_000);
      const asked = Date.now();
      bot.child.kill("SIGTERM");
      const { code } = await bot.exited;
      const took = Date.now() - asked;
      expect(code).toBe(0);
      expect(took).toBeLessThan(10_000);
      expect(bot.output()).toMatch(/"msg":"stopped"/);
      // What was not sent is still pending, and a restart sends exactly that.
      const sentBefore = fake.allSent().length;
      const again = spawnBot(env);
      await waitUntil(() => fake.allSent().length >= CHATS * PER_CHAT, 30_000);
      again.child.kill("SIGTERM");
      await again.exited;
      expect(sentBefore).toBeLessThan(CHATS * PER_CHAT);
      expect(new Set(fake.allSent().map((m) => m.text)).size).toBe(fake.allSent().length);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

async function waitUntilAsync(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
