/**
 * Every text the bot sends fits the platform, on Bale and Telegram, through the one transformer
 * every call passes (replies and the outbox alike), against the fake API that enforces the limits
 * (4,096-character texts, 1,024-character captions): long messages arrive as numbered parts with
 * the buttons on the last, long edits and captions are cut with «…» and followed by the whole
 * text as a .txt file. None of these calls may fail with 400.
 */
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import type { Platform } from "../../src/config/index.js";
import { FULL_TEXT_FILE_NAME, platformTransformer } from "../../src/platforms/api-transformer.js";
import { PROFILES } from "../../src/platforms/profile.js";
import { fake, TOKEN } from "../fake-bot-api/helpers.js";

const PLATFORMS: Platform[] = ["bale", "telegram"];

async function setup(platform: Platform) {
  const server = await fake({ platform });
  const api = new Api(TOKEN, { apiRoot: server.url });
  api.config.use(platformTransformer(PROFILES[platform]));
  const user = server.user();
  return { server, api, user, chat: user.chatId };
}

/** ~10,000 characters in sentences and paragraphs, with Markdown markers Bale's formatting lengthens. */
const LONG = Array.from(
  { length: 60 },
  (_, i) => `بند ${i + 1}: گزارش *اقدامات* اداره در حوزه اشتغال و تسهیلات بانکی ارائه شد. ${"متن ".repeat(20)}`,
).join("\n\n");

describe.each(PLATFORMS)("fitting texts on %s", (platform) => {
  it("sends a long message as numbered parts, each within the limit, the buttons on the last", async () => {
    const { server, api, chat } = await setup(platform);
    const buttons = { inline_keyboard: [[{ text: "ثبت", callback_data: "d:abc:ok" }]] };
    const last = await api.sendMessage(chat, LONG, { reply_markup: buttons });
    const sent = server.sent(chat);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.every((m) => m.text!.length <= 4096)).toBe(true);
    expect(sent.map((m) => m.text!.split("\n").at(-1))).toEqual(
      sent.map((_, i) => `(${"۰۱۲۳۴۵۶۷۸۹"[i + 1]}/${"۰۱۲۳۴۵۶۷۸۹"[sent.length]})`),
    );
    expect(sent.map((m) => m.replyMarkup !== undefined)).toEqual(sent.map((_, i) => i === sent.length - 1));
    expect(last.message_id).toBe(sent.at(-1)!.messageId);
    // Nothing lost but the markers and the whitespace at the cuts.
    const rejoined = sent.map((m) => m.text!.replace(/\n\([۰-۹]+\/[۰-۹]+\)$/, "")).join("");
    expect(rejoined.replace(/[\s\u2060]/g, "")).toBe(LONG.replace(/\s/g, ""));
  });

  it("cuts a long edit with «…» and sends the whole text as a file", async () => {
    const { server, api, chat } = await setup(platform);
    const message = await api.sendMessage(chat, "کوتاه");
    await api.editMessageText(chat, message.message_id, LONG);
    const [edited, file] = server.sent(chat);
    expect(edited!.text!.length).toBeLessThanOrEqual(4096);
    expect(edited!.text!.endsWith("…")).toBe(true);
    expect(file!.message.document?.file_name).toBe(FULL_TEXT_FILE_NAME);
  });

  it("cuts a long caption with «…» and sends the whole text as a file", async () => {
    const { server, api, chat, user } = await setup(platform);
    const document = user.sendDocument({ fileName: "گزارش.pdf", size: 1000 }).document!.file_id;
    const caption = "توضیح ".repeat(400);
    await api.sendDocument(chat, document, { caption });
    const [withCaption, file] = server.sent(chat);
    expect(withCaption!.text!.length).toBeLessThanOrEqual(1024);
    expect(withCaption!.text!.endsWith("…")).toBe(true);
    expect(file!.message.document?.file_name).toBe(FULL_TEXT_FILE_NAME);
  });

  it("leaves a text that fits exactly as it is", async () => {
    const { server, api, chat } = await setup(platform);
    const text = "ب".repeat(4096);
    await api.sendMessage(chat, text);
    expect(server.sent(chat).map((m) => m.text)).toEqual([text]);
  });
});
