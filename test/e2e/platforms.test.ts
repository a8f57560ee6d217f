/**
 * Platform differences, end to end on each database: Bale's quirks over polling, and webhook
 * mode serving both platforms from one HTTP server with authentication.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { WORD_JOINER } from "../../src/domain/text/index.js";
import type { FakeUser } from "../fake-bot-api/user.js";
import { testDatabases, type TestDatabase } from "../support/databases.js";
import { startE2E, TOKENS, type E2E } from "../support/e2e.js";
import { seedPeople } from "../support/seed.js";

describe.each(testDatabases())("Bale's differences on $name", (target) => {
  let database: TestDatabase;
  let e2e: E2E;

  beforeAll(async () => {
    database = await target.create();
    await seedPeople(database.url);
    e2e = await startE2E({ databaseUrl: database.url, platforms: ["bale"], fake: { bale: { baleStrictParseMode: true } } });
  });
  afterAll(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  it("handles the very first update, whose id is 0, and a command that has no entity", async () => {
    const [invite] = await e2e.app.services.invites.issue({ personPhone: "09121000004" });
    const user = e2e.fake("bale").user({ firstName: "زهرا" });
    const sent = user.command("/start", invite!.code);
    expect(sent.entities).toBeUndefined();
    // The contact check asks for the phone first; sharing it finishes the join.
    await user.waitFor(/ارسال شماره تلفن من/);
    user.shareContact("+989121000004");
    await user.waitFor(/خوش آمدید/);
    const db = e2e.app.database.prisma;
    const first = await db.inboundUpdate.findFirstOrThrow({ where: { platform: "bale" }, orderBy: { updateId: "asc" } });
    expect(first.updateId).toBe(0);
    await waitFor(async () => (await db.inboundUpdate.findFirstOrThrow({ where: { platform: "bale", updateId: 0 } })).processedAt !== null);
  });

  it("never sends parse_mode, and neutralises Markdown in names and text", async () => {
    const db = e2e.app.database.prisma;
    await db.person.update({ where: { phone: "+989121000003" }, data: { name: "علی *رضایی_ [دفتر]" } });
    const user = await e2e.bindUser("bale", "09121000003");
    const welcome = user.lastMessage()!.text!;
    expect(welcome).toContain(`${WORD_JOINER}*${WORD_JOINER}`);
    expect(welcome.replaceAll(WORD_JOINER, "")).toContain("علی *رضایی_ [دفتر]");
    const requests = e2e.fake("bale").requests.filter((r) => r.method.startsWith("send") || r.method.startsWith("edit"));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => !("parse_mode" in r.params))).toBe(true);
  });

  it("starts although setMyCommands does not exist on Bale", () => {
    const calls = e2e.fake("bale").requests.filter((r) => r.method === "setMyCommands");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.status === 404)).toBe(true);
  });

  it("answers every callback query, even for a button it does not know", async () => {
    const user = await e2e.bindUser("bale", "09121000008");
    const fake = e2e.fake("bale");
    const update = fake.pushUpdate(TOKENS.bale, {
      callback_query: {
        id: "forged-1",
        from: { id: user.chatId, is_bot: false, first_name: "سعید" },
        chat_instance: "x",
        data: "nothing:here",
        message: user.lastMessage() as never,
      },
    });
    expect(update).toBeDefined();
    await waitUntil(() => fake.requests.some((r) => r.method === "answerCallbackQuery" && r.params.callback_query_id === "forged-1"));
    const answer = fake.requests.find((r) => r.params.callback_query_id === "forged-1")!;
    expect(String(answer.params.text)).toContain("این دکمه دیگر معتبر نیست");
  });

  it("handles a re-delivered update once", async () => {
    await expectRedeliveryHandledOnce(e2e, "bale", await e2e.bindUser("bale", "09121000005"));
  });
});

describe.each(testDatabases())("webhook mode on $name", (target) => {
  const SECRET = "webhook-secret-0123456789";
  let database: TestDatabase;
  let e2e: E2E;
  let port: number;

  beforeAll(async () => {
    database = await target.create();
    await seedPeople(database.url);
    port = await freePort();
    e2e = await startE2E({
      databaseUrl: database.url,
      env: { BOT_MODE: "webhook", WEBHOOK_URL: `http://127.0.0.1:${port}`, WEBHOOK_SECRET: SECRET, HTTP_PORT: String(port) },
    });
  });
  afterAll(async () => {
    await e2e?.stop();
    await database?.drop();
  });

  it("registers a secret path on both, and the secret header only on Telegram", () => {
    const bale = e2e.fake("bale").webhook(TOKENS.bale);
    const telegram = e2e.fake("telegram").webhook(TOKENS.telegram);
    expect(bale).toEqual({ url: `http://127.0.0.1:${port}/webhook/bale/${SECRET}` });
    expect(telegram).toMatchObject({ url: `http://127.0.0.1:${port}/webhook/telegram/${SECRET}`, secretToken: SECRET });
  });

  it("binds users on both platforms through webhooks", async () => {
    const onBale = await e2e.bindUser("bale", "09121000004");
    const onTelegram = await e2e.bindUser("telegram", "09121000004");
    expect(onBale.lastMessage()?.text).toContain("خوش آمدید");
    expect(onTelegram.lastMessage()?.text).toContain("خوش آمدید");
  });

  it("refuses calls without the right secret and handles none of them", async () => {
    const update = {
      update_id: 999_999,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1, type: "private", first_name: "x" },
        from: { id: 1, is_bot: false, first_name: "x" },
        text: "/help",
      },
    };
    const post = (path: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(update),
      });
    expect((await post("/webhook/bale/wrong-secret-0123456789")).status).toBe(401);
    expect((await post(`/webhook/telegram/${SECRET}`)).status).toBe(401);
    expect((await post(`/webhook/telegram/${SECRET}`, { "x-telegram-bot-api-secret-token": "wrong-secret-0123456789" })).status).toBe(401);
    expect(await e2e.app.database.prisma.inboundUpdate.count({ where: { updateId: 999_999 } })).toBe(0);
  });

  it("answers the health check", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, database: target.name, mode: "webhook", platforms: ["bale", "telegram"] });
  });

  it("handles an update the platform delivers twice only once", async () => {
    await expectRedeliveryHandledOnce(e2e, "telegram", await e2e.bindUser("telegram", "09121000008"));
  });
});

/** Sends /help, has the platform deliver that update again, then sends /help once more: two answers, not three. */
async function expectRedeliveryHandledOnce(e2e: E2E, platform: Platform, user: FakeUser): Promise<void> {
  user.command("/help");
  await user.waitFor(/نقش‌های شما/);
  const last = await e2e.app.database.prisma.inboundUpdate.findFirstOrThrow({ where: { platform }, orderBy: { updateId: "desc" } });
  const before = user.messages().length;
  e2e.fake(platform).redeliver(TOKENS[platform], last.updateId);
  user.command("/help"); // a fresh update after it, to know the re-delivery was seen
  await user.waitForCount(before + 1);
  await new Promise((r) => setTimeout(r, 200));
  expect(user.messages().length).toBe(before + 1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitFor(async () => condition(), timeoutMs);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
