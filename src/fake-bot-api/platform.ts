// Everything that differs between Telegram and Bale, in one place.
// Bale facts follow docs.bale.ai as summarised in shared/design.md ("Bale and Telegram").
import type { Platform } from "./types.js";
import { randomHex, randomToken, type Random } from "./random.js";

export type FileKind = "document" | "photo";

export interface PlatformProfile {
  name: Platform;
  firstUpdateId(random: Random): number;
  /** Update kinds the platform has at all (Bale: four); undefined means all of Telegram's. */
  updateTypes: ReadonlySet<string> | undefined;
  /** Kinds a bot gets when it never narrowed allowed_updates (or sent an empty list). */
  isDefaultAllowed(type: string): boolean;
  /** Telegram parses parse_mode; Bale has no such parameter and renders Markdown itself. */
  parsesParseMode: boolean;
  /** Bale only knows these inline button kinds; undefined means Telegram's full set. */
  inlineButtonKinds: ReadonlySet<string> | undefined;
  /** setWebhook honours secret_token and sends X-Telegram-Bot-Api-Secret-Token (Telegram only). */
  webhookSecret: boolean;
  /** Telegram runs a method put in a webhook's 2xx response body (WebhookActor.cpp); Bale does not document it. */
  webhookReply: boolean;
  /** Telegram tells the bot about block/unblock with my_chat_member; Bale has no such update. */
  chatMemberUpdates: boolean;
  defaultMissingMethods: readonly string[];
  /** First id given to users created without one. */
  userIdBase: number;
  newFileIds(random: Random, kind: FileKind): { fileId: string; uniqueId: string };
  newFilePath(random: Random, kind: FileKind, serial: number, fileName: string | undefined): string;
}

/** Telegram sends these only when asked for explicitly (Bot API: getUpdates, allowed_updates). */
const TELEGRAM_OPT_IN = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

const BALE_UPDATES = new Set(["message", "edited_message", "callback_query", "pre_checkout_query"]);

function extensionOf(fileName: string | undefined, fallback: string): string {
  const match = fileName ? /\.([A-Za-z0-9]{1,8})$/.exec(fileName) : null;
  return match?.[1] ?? fallback;
}

const telegram: PlatformProfile = {
  name: "telegram",
  // Real update ids are large and not predictable; tests should never assume a start.
  firstUpdateId: (random) => 100_000_000 + Math.floor(random() * 800_000_000),
  updateTypes: undefined,
  isDefaultAllowed: (type) => !TELEGRAM_OPT_IN.has(type),
  parsesParseMode: true,
  inlineButtonKinds: undefined,
  webhookSecret: true,
  webhookReply: true,
  chatMemberUpdates: true,
  defaultMissingMethods: [],
  userIdBase: 5_000_000_001,
  newFileIds: (random, kind) => ({
    // Telegram file ids are ~70 base64url chars whose head encodes the kind; unique ids are shorter.
    fileId: (kind === "photo" ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI") + randomToken(random, 56),
    uniqueId: "AQAD" + randomToken(random, 12),
  }),
  newFilePath: (_random, kind, serial, fileName) =>
    kind === "photo" ? `photos/file_${serial}.jpg` : `documents/file_${serial}.${extensionOf(fileName, "dat")}`,
};

const bale: PlatformProfile = {
  name: "bale",
  firstUpdateId: () => 0,
  updateTypes: BALE_UPDATES,
  isDefaultAllowed: (type) => BALE_UPDATES.has(type),
  parsesParseMode: false,
  inlineButtonKinds: new Set(["url", "callback_data", "web_app", "copy_text"]),
  webhookSecret: false,
  webhookReply: false,
  chatMemberUpdates: false,
  defaultMissingMethods: ["setMyCommands", "sendChatAction"],
  userIdBase: 1_500_000_001,
  // Bale's ids are opaque strings of another shape than Telegram's; only opacity matters to a bot.
  newFileIds: (random) => ({
    fileId: `${Math.floor(random() * 9e9) + 1e9}:${randomHex(random, 16)}:1`,
    uniqueId: randomHex(random, 20),
  }),
  newFilePath: (random) => randomHex(random, 32),
};

export function platformProfile(platform: Platform): PlatformProfile {
  return platform === "bale" ? bale : telegram;
}

/** The kind of an update: the one field besides update_id. */
export function updateType(update: object): string {
  for (const key of Object.keys(update)) if (key !== "update_id") return key;
  return "unknown";
}
