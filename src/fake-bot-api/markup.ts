// reply_markup: parsed and validated like the real APIs (Telegram wordings from telegram-bot-api's
// Client::get_reply_markup; Bale's narrower set of inline button kinds from docs.bale.ai).
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest } from "./errors.js";
import { isRecord, jsonParam, type Params } from "./params.js";
import type { PlatformProfile } from "./platform.js";

export interface ReplyMarkup {
  /** The markup as the bot sent it. */
  raw: Record<string, unknown>;
  /** Only inline keyboards appear in the returned Message (Telegram does not echo reply keyboards). */
  inline: InlineKeyboardMarkup | undefined;
}

const TELEGRAM_BUTTON_KINDS = new Set([
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
]);

/** Fields a button may carry besides its kind. */
const BUTTON_DECORATIONS = new Set(["text", "style", "icon_custom_emoji_id"]);

const buttonError = (reason: string) => badRequest(`can't parse inline keyboard button: ${reason}`);

function validateButton(button: unknown, profile: PlatformProfile): InlineKeyboardButton {
  if (!isRecord(button)) throw buttonError("InlineKeyboardButton must be an Object");
  if (typeof button.text !== "string") throw buttonError(`Can't find field "text"`);
  const kinds = Object.keys(button).filter((key) => !BUTTON_DECORATIONS.has(key) && button[key] !== undefined);
  if (kinds.length === 0) throw buttonError("Text buttons are unallowed in the inline keyboard");
  for (const kind of kinds) {
    if (profile.inlineButtonKinds && !profile.inlineButtonKinds.has(kind)) {
      // Bale's wording is not documented; the status and the rejection are what matter.
      throw badRequest(`unsupported inline keyboard button field "${kind}"`);
    }
    if (!profile.inlineButtonKinds && !TELEGRAM_BUTTON_KINDS.has(kind)) {
      throw buttonError(`Field "${kind}" is not supported`);
    }
  }
  if ("callback_data" in button) {
    const data = button.callback_data;
    const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  if ("url" in button) {
    const url = button.url;
    if (typeof url !== "string" || !URL.canParse(url)) throw badRequest("BUTTON_URL_INVALID");
  }
  return button as unknown as InlineKeyboardButton;
}

export function parseReplyMarkup(params: Params, profile: PlatformProfile): ReplyMarkup | undefined {
  const raw = jsonParam(params, "reply_markup", "can't parse reply keyboard markup JSON object");
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw badRequest("object expected as reply markup");
  const rows = raw.inline_keyboard;
  if (rows === undefined) return { raw, inline: undefined };
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest(`Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays`);
  }
  const inline_keyboard = (rows as unknown[][]).map((row) => row.map((button) => validateButton(button, profile)));
  return { raw, inline: inline_keyboard.length > 0 ? { inline_keyboard } : undefined };
}

/** Callback data of every button in a message's inline keyboard. */
export function callbackDataOf(markup: InlineKeyboardMarkup | undefined): string[] {
  const out: string[] = [];
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if ("callback_data" in button) out.push(button.callback_data);
  }
  return out;
}

/** JSON with sorted keys, so that equal content compares equal whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
