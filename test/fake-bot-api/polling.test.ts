import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, sleep, TOKEN } from "./helpers.js";

describe("long polling (Telegram semantics)", () => {
  it("answers getMe for the configured bot, to grammY too", async () => {
    const api = await fake({ platform: "telegram", bots: [{ token: TOKEN, username: "peygir_bot", firstName: "Peygir" }] });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 110201543, is_bot: true, username: "peygir_bot", first_name: "Peygir" });
  });

  it("returns updates until confirmed by offset, honouring limit", async () => {
    const api = await fake({ platform: "telegram", firstUpdateId: 500 });
    const user = api.user();
    for (const text of ["a", "b", "c"]) user.send(text);

    const first = await call(api, "getUpdates", { limit: 2 });
    expect(first.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([500, 501]);
    // Not confirmed yet: the same updates come again.
    const again = await call(api, "getUpdates", {});
    expect(again.body.result).toHaveLength(3);
    // offset confirms everything below it.
    const rest = await call(api, "getUpdates", { offset: 502 });
    expect(rest.body.result.map((u: { message: { text: string } }) => u.message.text)).toEqual(["c"]);
    expect(api.pendingUpdates()).toBe(1);
  });

  it("keeps only the last -offset updates for a negative offset", async () => {
    const api = await fake({ platform: "telegram", firstUpdateId: 10 });
    const user = api.user();
    for (const text of ["a", "b", "c", "d"]) user.send(text);
    const { body } = await call(api, "getUpdates", { offset: -2 });
    expect(body.result.map((u: { update_id: number }) => u.update_id)).toEqual([12, 13]);
    expect(api.pendingUpdates()).toBe(2);
  });

  it("holds a long poll open and answers as soon as an update arrives", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const started = Date.now();
    const poll = call(api, "getUpdates", { timeout: 10 });
    await sleep(50);
    user.send("hello");
    const { body } = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(body.result[0].message.text).toBe("hello");
  });

  it("answers an empty list when the timeout passes", async () => {
    const api = await fake({ platform: "telegram" });
    const started = Date.now();
    const { body } = await call(api, "getUpdates", { timeout: 1 });
    expect(body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("ends the older of two concurrent long polls with 409, as Telegram does", async () => {
    const api = await fake({ platform: "telegram" });
    const older = call(api, "getUpdates", { timeout: 5 });
    await sleep(50);
    const newer = call(api, "getUpdates", { timeout: 5 });
    expect(await older).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      },
    });
    api.user().send("x");
    expect((await newer).body.result).toHaveLength(1);
  });

  it("refuses getUpdates while a webhook is set", async () => {
    const api = await fake({ platform: "telegram" });
    await call(api, "setWebhook", { url: "http://127.0.0.1:9/hook" });
    expect(await call(api, "getUpdates")).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
  });

  it("does not create updates of kinds excluded by allowed_updates", async () => {
    const api = await fake({ platform: "telegram" });
    await call(api, "getUpdates", { allowed_updates: ["callback_query"] });
    api.user().send("ignored");
    expect(api.pendingUpdates()).toBe(0);
    expect(api.stats.updatesFiltered).toBe(1);
  });

  it("applies Telegram's poll throttle only when asked (pollThrottle)", async () => {
    const api = await fake({ platform: "telegram", pollThrottle: true });
    await call(api, "getUpdates", { offset: 0, timeout: 0 });
    const started = Date.now();
    await call(api, "getUpdates", { offset: 0, timeout: 0 }); // same offset within 3 s: timeout becomes 3
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it("runs a grammY bot end to end: the user's message in, the reply out", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    bot.on("message:text", (ctx) => ctx.reply(`you said: ${ctx.message.text}`));
    void bot.start();
    const user = api.user({ firstName: "Sara" });
    user.send("salam");
    const reply = await user.waitFor(/you said/);
    await bot.stop();
    expect(reply).toMatchObject({
      text: "you said: salam",
      from: { id: 110201543, is_bot: true },
      chat: { id: user.chatId, type: "private", first_name: "Sara" },
    });
    expect(reply.message_id).toBe(2); // ids are per chat, shared with the user's message #1
    expect(api.sent(user.chatId)).toHaveLength(1);
  });
});
