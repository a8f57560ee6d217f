/**
 * Everything that differs between Bale and Telegram lives here, so the rest of the code asks
 * the profile instead of testing the platform name.
 */
import type { Platform } from "../config/index.js";
import { neutraliseMarkdown } from "../domain/text/index.js";

export type { Platform };

export interface PlatformProfile {
  platform: Platform;
  /** Persian name shown to users. */
  displayName: string;
  /**
   * Bale has no `parse_mode` and renders Markdown in every message, so any text we send is
   * neutralised; Telegram renders plain text when no parse_mode is given.
   */
  formatText(text: string): string;
  supportsParseMode: boolean;
  /** Update kinds the platform can deliver; Bale has no my_chat_member, topics or inline mode. */
  allowedUpdates: readonly ("message" | "edited_message" | "callback_query" | "pre_checkout_query" | "my_chat_member")[];
  /** Inline button fields the platform accepts. */
  buttonFields: readonly string[];
  callbackDataMaxBytes: number;
  /** Longest message text, in UTF-16 code units after formatting (api-transformer.ts fits every text to these). */
  textMaxLength: number;
  captionMaxLength: number;
  /** Longest text of an answerCallbackQuery (the toast or alert). */
  callbackAnswerMaxLength: number;
  /** Methods that may not exist on this platform: their failure must never stop the bot. */
  optionalMethods: readonly string[];
  /**
   * Bale's setWebhook takes only a URL and sends no secret header, so the secret goes in the path;
   * Telegram also gets the X-Telegram-Bot-Api-Secret-Token header check.
   */
  webhookSecretInHeader: boolean;
  deepLink(botUsername: string, payload: string): string;
}

export const PROFILES: Record<Platform, PlatformProfile> = {
  bale: {
    platform: "bale",
    displayName: "بله",
    formatText: neutraliseMarkdown,
    supportsParseMode: false,
    allowedUpdates: ["message", "edited_message", "callback_query"],
    buttonFields: ["text", "url", "callback_data", "web_app", "copy_text"],
    callbackDataMaxBytes: 64,
    textMaxLength: 4096,
    captionMaxLength: 1024,
    callbackAnswerMaxLength: 200,
    optionalMethods: ["setMyCommands", "sendChatAction", "deleteMyCommands", "getMyCommands"],
    webhookSecretInHeader: false,
    deepLink: (username, payload) => `https://ble.ir/${username}?start=${encodeURIComponent(payload)}`,
  },
  telegram: {
    platform: "telegram",
    displayName: "تلگرام",
    formatText: (text) => text,
    supportsParseMode: true,
    allowedUpdates: ["message", "edited_message", "callback_query", "my_chat_member"],
    buttonFields: ["text", "url", "callback_data", "web_app", "copy_text", "switch_inline_query", "login_url", "pay"],
    callbackDataMaxBytes: 64,
    textMaxLength: 4096,
    captionMaxLength: 1024,
    callbackAnswerMaxLength: 200,
    optionalMethods: ["setMyCommands", "sendChatAction", "deleteMyCommands", "getMyCommands"],
    webhookSecretInHeader: true,
    deepLink: (username, payload) => `https://t.me/${username}?start=${encodeURIComponent(payload)}`,
  },
};
