import { Bot, GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, TOKEN } from "./helpers.js";

describe("rate limits", () => {
  it("answers 429 with retry_after past the per-chat limit and delivers nothing", async () => {
    const api = await fake({ platform: "telegram", rateLimit: { perChatPerSecond: 1 } });
    const chat_id = api.user().chatId;
    expect((await call(api, "sendMessage", { chat_id, text: "1" })).status).toBe(200);
    expect(await call(api, "sendMessage", { chat_id, text: "2" })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
    });
    expect(api.sent(chat_id).map((s) => s.text)).toEqual(["1"]);
    expect(api.stats.rateLimited).toBe(1);
    // Another chat is not affected.
    expect((await call(api, "sendMessage", { chat_id: api.user().chatId, text: "x" })).status).toBe(200);
  });

  it("limits the bot as a whole (globalPerSecond)", async () => {
    const api = await fake({ platform: "telegram", rateLimit: { globalPerSecond: 5 } });
    const users = Array.from({ length: 8 }, () => api.user());
    const statuses = await Promise.all(users.map((u) => call(api, "sendMessage", { chat_id: u.chatId, text: "hi" })));
    expect(statuses.filter((s) => s.status === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s.status === 429)).toHaveLength(3);
    expect(api.stats.delivered).toBe(5);
  });

  it("limits groups per minute with retry_after in whole seconds", async () => {
    let now = 1_700_000_000_000;
    const api = await fake({ platform: "telegram", rateLimit: { perGroupPerMinute: 2 }, now: () => now });
    const group = api.group({ title: "کارگروه اشتغال" });
    await call(api, "sendMessage", { chat_id: group.chatId, text: "1" });
    now += 10_000;
    await call(api, "sendMessage", { chat_id: group.chatId, text: "2" });
    now += 5_000;
    const refused = await call(api, "sendMessage", { chat_id: group.chatId, text: "3" });
    expect(refused.body.parameters.retry_after).toBe(45);
    now += 45_000;
    expect((await call(api, "sendMessage", { chat_id: group.chatId, text: "3" })).status).toBe(200);
    expect(group.messages().map((m) => m.text)).toEqual(["1", "2", "3"]);
  });

  it("counts edits but not callback answers or deletions", async () => {
    const api = await fake({ platform: "telegram", rateLimit: { perChatPerSecond: 1 } });
    const chat_id = api.user().chatId;
    const { message_id } = (await call(api, "sendMessage", { chat_id, text: "v1" })).body.result;
    expect((await call(api, "editMessageText", { chat_id, message_id, text: "v2" })).status).toBe(429);
    expect((await call(api, "deleteMessage", { chat_id, message_id })).status).toBe(200);
  });

  it("reaches grammY as a GrammyError carrying parameters.retry_after", async () => {
    const api = await fake({ platform: "bale", rateLimit: { perChatPerSecond: 1 } });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const chat = api.user().chatId;
    await bot.api.sendMessage(chat, "first");
    const error = await bot.api.sendMessage(chat, "second").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).parameters.retry_after).toBe(1);
  });
});
