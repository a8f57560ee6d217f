import { Bot, InlineKeyboard } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { call, fake, TOKEN, until } from "./helpers.js";
import type { FakeBotApi } from "../../src/fake-bot-api/server.js";

/** A small bot: /start answers with buttons, a press edits the message, a reply is acknowledged. */
function startBot(api: FakeBotApi): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
  bot.command("start", (ctx) =>
    ctx.reply(`مصوبه ${ctx.match || "?"}`, { reply_markup: new InlineKeyboard().text("رویت شد", "ack:7").text("انجام شد", "done:7") }),
  );
  bot.callbackQuery(/^ack:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery({ text: "ثبت شد" });
    await ctx.editMessageText("مصوبه رویت شد", { reply_markup: new InlineKeyboard().text("انجام شد", "done:7") });
  });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.reply_to_message ? `reply to #${ctx.message.reply_to_message.message_id}` : "ok"));
  bot.on("edited_message", (ctx) => ctx.reply(`edited: ${ctx.editedMessage.text}`));
  void bot.start();
  return bot;
}

describe("fake users", () => {
  it("press() resolves with the bot's callback answer; the edit keeps its history", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = startBot(api);
    const user = api.user();
    user.command("/start", "7");
    const card = await user.waitFor(/مصوبه 7/);
    const answer = await user.press(card, "ack:7");
    expect(answer).toEqual({ text: "ثبت شد" });
    const edited = await user.waitFor("رویت شد");
    await bot.stop();

    expect(edited.message_id).toBe(card.message_id);
    expect(edited.edit_date).toBeDefined();
    const [record] = api.sent(user.chatId);
    expect(record!.history.map((m) => m.text)).toEqual(["مصوبه 7"]);
    expect(record!.message.reply_markup?.inline_keyboard[0]).toHaveLength(1);
    expect(api.unansweredCallbackQueries()).toEqual([]);
    // The old keyboard is gone: pressing a button it had is a test error, unless forced (a stale client).
    await expect(user.press(card, "ack:7")).rejects.toThrow(/has no button with callback_data "ack:7"/);
  });

  it("press() rejects when the bot never answers, and the query stays listed", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const { body } = await call(api, "sendMessage", {
      chat_id: user.chatId,
      text: "?",
      reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "x" }]] },
    });
    await expect(user.press(body.result.message_id, "x", { timeoutMs: 50 })).rejects.toThrow(/not answered within 50 ms/);
    expect(api.unansweredCallbackQueries()).toMatchObject([{ data: "x", chatId: user.chatId, messageId: 1 }]);
  });

  it("creates updates with the real shapes: commands, replies, edits, documents", async () => {
    const api = await fake({ platform: "telegram", firstUpdateId: 1 });
    const user = api.user({ id: 777, firstName: "Reza", lastName: "Karimi", username: "rkarimi" });
    user.command("/start", "INV");
    const botMessage = (await call(api, "sendMessage", { chat_id: 777, text: "welcome" })).body.result;
    user.reply(botMessage.message_id, "thanks");
    user.edit(3, "thanks!");
    user.sendDocument({ fileName: "r.xlsx", size: 2048, caption: "report" });
    const { body } = await call(api, "getUpdates");
    const updates = body.result as Update[];
    expect(updates[0]).toMatchObject({
      update_id: 1,
      message: {
        message_id: 1,
        from: { id: 777, is_bot: false, first_name: "Reza", last_name: "Karimi", username: "rkarimi", language_code: "fa" },
        chat: { id: 777, type: "private", first_name: "Reza", last_name: "Karimi", username: "rkarimi" },
        text: "/start INV",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    expect(updates[1]!.message!.reply_to_message).toEqual(botMessage);
    expect(updates[2]).toMatchObject({ edited_message: { message_id: 3, text: "thanks!" } });
    expect(updates[2]!.edited_message!.edit_date).toBeTypeOf("number");
    expect(updates[3]!.message).toMatchObject({ message_id: 4, caption: "report", document: { file_name: "r.xlsx", file_size: 2048 } });
  });

  it("waitFor sees replies to the last action only; its timeout lists the chat", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = startBot(api);
    const user = api.user({ firstName: "Mina" });
    user.send("one");
    await user.waitFor("ok");
    user.edit(1, "one (fixed)");
    expect((await user.waitFor(/^edited/)).text).toBe("edited: one (fixed)");
    await bot.stop();
    const failure = await user.waitFor("never", { timeoutMs: 50 }).catch((e: Error) => e.message);
    expect(failure).toMatch(/Timed out after 50 ms waiting for a bot message matching never in chat \d+ \(Mina\)/);
    expect(failure).toContain(`#1 Mina (edited): "one (fixed)"\n  #2 bot: "ok"\n  #3 bot: "edited: one (fixed)"`);
    expect(await user.waitForCount(2)).toHaveLength(2);
  });

  it("blocking: sends answer 403, Telegram tells the bot with my_chat_member", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    user.block();
    expect(await call(api, "sendMessage", { chat_id: user.chatId, text: "hi" })).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    const { body } = await call(api, "getUpdates");
    expect(body.result[0].my_chat_member).toMatchObject({
      old_chat_member: { status: "member" },
      new_chat_member: { status: "kicked" },
    });
    user.unblock();
    expect((await call(api, "sendMessage", { chat_id: user.chatId, text: "hi" })).status).toBe(200);
    expect(api.stats.blocked).toBe(1);
  });

  it("re-delivers an update with the same update_id to a polling bot", async () => {
    const api = await fake({ platform: "telegram" });
    const seen: number[] = [];
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    bot.on("message", (ctx) => void seen.push(ctx.update.update_id));
    void bot.start();
    const user = api.user();
    user.send("pay once");
    await until(() => seen.length === 1);
    api.redeliver(TOKEN, seen[0]!);
    await until(() => seen.length === 2);
    await bot.stop();
    expect(seen[1]).toBe(seen[0]);
  });

  it("emits delivered synchronously, before the bot has its answer", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const order: string[] = [];
    api.on("delivered", (sent) => order.push(`delivered ${sent.text}`));
    const answer = call(api, "sendMessage", { chat_id: user.chatId, text: "n1" }).then(() => order.push("answered"));
    await answer;
    expect(order).toEqual(["delivered n1", "answered"]);
  });

  it("deleted messages leave messages() but stay in sent() flagged", async () => {
    const api = await fake({ platform: "bale" });
    const user = api.user();
    const { body } = await call(api, "sendMessage", { chat_id: user.chatId, text: "temp" });
    await call(api, "deleteMessage", { chat_id: user.chatId, message_id: body.result.message_id });
    expect(user.messages()).toEqual([]);
    expect(api.sent(user.chatId)[0]).toMatchObject({ deleted: true, text: "temp" });
  });

  it("groups: members write, the bot answers the group", async () => {
    const api = await fake({ platform: "telegram" });
    const group = api.group({ title: "دبیرخانه" });
    const member = api.user({ firstName: "Ali" });
    const message = group.send(member, "/report@test110201543_bot");
    expect(message.chat).toEqual({ id: group.chatId, type: "supergroup", title: "دبیرخانه" });
    expect(message.entities).toEqual([{ type: "bot_command", offset: 0, length: 25 }]);
    await call(api, "sendMessage", { chat_id: group.chatId, text: "report" });
    expect(group.lastMessage()?.text).toBe("report");
  });
});
