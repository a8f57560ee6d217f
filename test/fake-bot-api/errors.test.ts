import { Bot, GrammyError } from "grammy";
import { describe, expect, it } from "vitest";
import { call, fake, TOKEN } from "./helpers.js";

const badRequest = (description: string) => ({
  status: 400,
  body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
});

describe("error answers have the real shapes", () => {
  it("401 for an unknown token, 404 for an unknown method", async () => {
    const api = await fake({ platform: "telegram" });
    expect(await call(api, "getMe", {}, "999:nope")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    expect(await call(api, "sendTelepathy")).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    });
  });

  it("method names are case-insensitive, as in telegram-bot-api", async () => {
    const api = await fake({ platform: "telegram" });
    expect((await call(api, "GETME")).status).toBe(200);
  });

  it("validates sendMessage like Telegram, text before chat", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    expect(await call(api, "sendMessage", { chat_id })).toEqual(badRequest("message text is empty"));
    expect(await call(api, "sendMessage", { chat_id, text: "  \n " })).toEqual(badRequest("message text is empty"));
    expect(await call(api, "sendMessage", { text: "hi" })).toEqual(badRequest("chat_id is empty"));
    expect(await call(api, "sendMessage", { chat_id: 42, text: "hi" })).toEqual(badRequest("chat not found"));
    expect(await call(api, "sendMessage", { chat_id, text: "x".repeat(4097) })).toEqual(badRequest("message is too long"));
    expect((await call(api, "sendMessage", { chat_id, text: "x".repeat(4096) })).status).toBe(200);
    expect(api.sent(chat_id)).toHaveLength(1);
  });

  it("counts the 4096 limit in UTF-16 units, Persian included", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    expect((await call(api, "sendMessage", { chat_id, text: "پ".repeat(4096) })).status).toBe(200);
    expect((await call(api, "sendMessage", { chat_id, text: "پ".repeat(4097) })).status).toBe(400);
  });

  it("trims surrounding whitespace like Telegram", async () => {
    const api = await fake({ platform: "telegram" });
    const { body } = await call(api, "sendMessage", { chat_id: api.user().chatId, text: "\n  salam  \n" });
    expect(body.result.text).toBe("salam");
  });

  it("answers 403 to a user who never started the bot, until they write", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user({ started: false });
    expect(await call(api, "sendMessage", { chat_id: user.chatId, text: "hi" })).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
    });
    user.command("/start");
    expect((await call(api, "sendMessage", { chat_id: user.chatId, text: "hi" })).status).toBe(200);
  });

  it("validates inline keyboards", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    const send = (reply_markup: unknown) => call(api, "sendMessage", { chat_id, text: "k", reply_markup });
    expect(await send({ inline_keyboard: [[{ text: "x", callback_data: "d".repeat(65) }]] })).toEqual(badRequest("BUTTON_DATA_INVALID"));
    // 64 bytes is the limit in bytes, not characters: 33 Persian letters are 66 bytes.
    expect(await send({ inline_keyboard: [[{ text: "x", callback_data: "پ".repeat(33) }]] })).toEqual(badRequest("BUTTON_DATA_INVALID"));
    expect(await send({ inline_keyboard: [[{ text: "x" }]] })).toEqual(
      badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    );
    expect(await send({ inline_keyboard: [{ text: "x", callback_data: "a" }] })).toEqual(
      badRequest(`Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`),
    );
    const form = await fetch(`${api.url}/bot${TOKEN}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: String(chat_id), text: "k", reply_markup: "{not json" }),
    });
    expect(await form.json()).toEqual(badRequest("can't parse reply keyboard markup JSON object").body);
  });

  it("rejects unbalanced parse_mode markup with Telegram's wording", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    const send = (text: string, parse_mode: string) => call(api, "sendMessage", { chat_id, text, parse_mode });
    expect(await send("Version 1.0", "MarkdownV2")).toEqual(
      badRequest("can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'"),
    );
    expect(await send("*bold", "MarkdownV2")).toEqual(badRequest("can't parse entities: Can't find end of Bold entity at byte offset 0"));
    expect(await send("snake_case name", "Markdown")).toEqual(
      badRequest("can't parse entities: Can't find end of the entity starting at byte offset 5"),
    );
    expect(await send("<b>open", "HTML")).toEqual(badRequest(`can't parse entities: Can't find end tag corresponding to start tag "b"`));
    expect(await send("a < b", "HTML")).toEqual(badRequest(`can't parse entities: Unsupported start tag "" at byte offset 2`));
    expect(await send("x", "markdownv3")).toEqual(badRequest("unsupported parse_mode"));
    expect(api.sent(chat_id)).toHaveLength(0);
  });

  it("returns the parsed text and entities of formatted messages", async () => {
    const api = await fake({ platform: "telegram" });
    const { body } = await call(api, "sendMessage", {
      chat_id: api.user().chatId,
      text: '<b>مصوبه ۳</b> <a href="https://x.ir">link</a> &lt;ok&gt;',
      parse_mode: "HTML",
    });
    expect(body.result.text).toBe("مصوبه ۳ link <ok>");
    expect(body.result.entities).toEqual([
      { type: "bold", offset: 0, length: 7 },
      { type: "text_link", offset: 8, length: 4, url: "https://x.ir" },
    ]);
  });

  it("refuses edits of unknown, foreign or unchanged messages", async () => {
    const api = await fake({ platform: "telegram" });
    const user = api.user();
    const chat_id = user.chatId;
    const mine = user.send("from the user");
    const sent = (await call(api, "sendMessage", { chat_id, text: "v1" })).body.result;
    expect(await call(api, "editMessageText", { chat_id, message_id: 999, text: "x" })).toEqual(badRequest("message to edit not found"));
    expect(await call(api, "editMessageText", { chat_id, message_id: mine.message_id, text: "x" })).toEqual(
      badRequest("message can't be edited"),
    );
    expect(await call(api, "editMessageText", { chat_id, message_id: sent.message_id, text: "v1" })).toEqual(
      badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      ),
    );
    expect(await call(api, "deleteMessage", { chat_id, message_id: 999 })).toEqual(badRequest("message to delete not found"));
  });

  it("refuses unknown, answered and expired callback queries", async () => {
    const api = await fake({ platform: "telegram", callbackQueryTtlMs: 50 });
    const tooOld = badRequest("query is too old and response timeout expired or query ID is invalid");
    expect(await call(api, "answerCallbackQuery", { callback_query_id: "123" })).toEqual(tooOld);

    const user = api.user();
    const msg = (
      await call(api, "sendMessage", {
        chat_id: user.chatId,
        text: "?",
        reply_markup: { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] },
      })
    ).body.result;
    const pressed = user.press(msg.message_id, "ok", { timeoutMs: 200 }).catch((e: Error) => e);
    const id = api.unansweredCallbackQueries()[0]!.id;
    await new Promise((r) => setTimeout(r, 80));
    expect(api.unansweredCallbackQueries()[0]!.expired).toBe(true);
    expect(await call(api, "answerCallbackQuery", { callback_query_id: id })).toEqual(tooOld);
    expect(String(await pressed)).toMatch(/was not answered within 200 ms/);
  });

  it("edits keyboards: an edit without reply_markup removes the inline keyboard", async () => {
    const api = await fake({ platform: "telegram" });
    const chat_id = api.user().chatId;
    const keyboard = { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] };
    const { message_id } = (await call(api, "sendMessage", { chat_id, text: "q", reply_markup: keyboard })).body.result;
    expect((await call(api, "editMessageReplyMarkup", { chat_id, message_id, reply_markup: keyboard })).body.description).toMatch(
      /^Bad Request: message is not modified/,
    );
    const edited = (await call(api, "editMessageText", { chat_id, message_id, text: "answered" })).body.result;
    expect(edited.reply_markup).toBeUndefined();
    expect((await call(api, "editMessageReplyMarkup", { chat_id, message_id, reply_markup: keyboard })).body.result.reply_markup).toEqual(
      keyboard,
    );
    expect((await call(api, "editMessageCaption", { chat_id, message_id, caption: "c" })).body.description).toBe(
      "Bad Request: there is no caption in the message to edit",
    );
  });

  it("keeps Telegram's command menu per scope and validates it", async () => {
    const api = await fake({ platform: "telegram" });
    expect((await call(api, "setMyCommands", { commands: [{ command: "Start!", description: "x" }] })).body.description).toBe(
      "Bad Request: BOT_COMMAND_INVALID",
    );
    await call(api, "setMyCommands", { commands: [{ command: "status", description: "وضعیت" }], language_code: "fa" });
    expect((await call(api, "getMyCommands", { language_code: "fa" })).body.result).toEqual([{ command: "status", description: "وضعیت" }]);
    expect((await call(api, "getMyCommands")).body.result).toEqual([]);
    await call(api, "deleteMyCommands", { language_code: "fa" });
    expect(api.commands(undefined, undefined, "fa")).toEqual([]);
    const user = api.user();
    expect((await call(api, "sendChatAction", { chat_id: user.chatId, action: "typing" })).body.result).toBe(true);
    expect((await call(api, "sendChatAction", { chat_id: user.chatId, action: "dancing" })).body.description).toBe(
      "Bad Request: wrong parameter action in request",
    );
  });

  it("surfaces as GrammyError with the same fields in grammY", async () => {
    const api = await fake({ platform: "telegram" });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.url } });
    const error = await bot.api.sendMessage(12345, "hi").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: "Bad Request: chat not found" });
  });
});
