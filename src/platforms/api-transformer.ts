/**
 * A grammY API transformer that makes every outgoing call fit its platform, whoever makes it
 * (a handler's reply or the outbox dispatcher): text and captions are formatted by the profile,
 * `parse_mode` is dropped where the platform has none, buttons are checked against the
 * platform's limits before the request leaves (a bad button is our bug, so it throws here with a
 * clear message rather than as an opaque 400 from the API), and every text is fitted to the
 * platform's length limits — the one place that does it, so a 400 "message is too long" can
 * never come from our own rendering:
 * - a message too long for one is sent as numbered parts, split at a blank line, a line, a
 *   sentence or a word; the buttons go with the last part (whose result is returned);
 * - where a text must stay one piece (an edit, a caption, a callback answer), it is cut with «…»
 *   and, when there is a chat to send it to, the full text follows as a .txt file.
 */
import { InputFile, type Transformer } from "grammy";
import { cutText, numberParts, PART_MARKER_RESERVE, splitText } from "../domain/text/index.js";
import type { PlatformProfile } from "./profile.js";

const TEXT_FIELDS = ["text", "caption"] as const;

interface InlineButtonLike {
  callback_data?: string;
  [field: string]: unknown;
}

type Payload = Record<string, unknown>;
type Call = (method: string, payload: Payload) => Promise<unknown>;

/** Methods whose caption must stay one piece. */
const CAPTION_METHODS = new Set(["sendDocument", "sendPhoto", "editMessageCaption"]);

/** The name of the file that carries a text too long to show whole. */
export const FULL_TEXT_FILE_NAME = "full-text.txt";

export function platformTransformer(profile: PlatformProfile): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Payload;
    const next: Payload = { ...p };
    for (const field of TEXT_FIELDS) {
      if (typeof p[field] === "string") next[field] = profile.formatText(p[field]);
    }
    if (!profile.supportsParseMode) delete next.parse_mode;
    const markup = p.reply_markup as { inline_keyboard?: InlineButtonLike[][] } | undefined;
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) checkButton(profile, button);
    }
    const call: Call = (m, body) => prev(m as typeof method, body as typeof payload, signal) as Promise<unknown>;
    return fitted(profile, method, p, next, call) as ReturnType<typeof prev>;
  };
}

/** Sends `next` (formatted) as it is, or fitted to the limits; `original` holds the unformatted texts. */
async function fitted(profile: PlatformProfile, method: string, original: Payload, next: Payload, call: Call): Promise<unknown> {
  const text = next.text;
  if (method === "sendMessage" && typeof text === "string" && text.length > profile.textMaxLength) {
    return sendInParts(profile, next, text, call);
  }
  if (method === "editMessageText" && typeof text === "string" && text.length > profile.textMaxLength) {
    const result = await call(method, { ...next, text: cutText(text, profile.textMaxLength) });
    await sendFullText(next, original.text as string, call);
    return result;
  }
  const caption = next.caption;
  if (CAPTION_METHODS.has(method) && typeof caption === "string" && caption.length > profile.captionMaxLength) {
    const result = await call(method, { ...next, caption: cutText(caption, profile.captionMaxLength) });
    await sendFullText(next, original.caption as string, call);
    return result;
  }
  if (method === "answerCallbackQuery" && typeof text === "string" && text.length > profile.callbackAnswerMaxLength) {
    return call(method, { ...next, text: cutText(text, profile.callbackAnswerMaxLength) });
  }
  return call(method, next);
}

/** Numbered parts, in order; only the first replies to anything, only the last has the buttons. */
async function sendInParts(profile: PlatformProfile, payload: Payload, text: string, call: Call): Promise<unknown> {
  const parts = numberParts(splitText(text, profile.textMaxLength - PART_MARKER_RESERVE)).map((part) => profile.formatText(part));
  const { reply_markup: markup, reply_parameters: replyTo, reply_to_message_id: replyToId, ...rest } = payload;
  let result: unknown;
  for (const [i, part] of parts.entries()) {
    const first =
      i === 0 ? { ...(replyTo ? { reply_parameters: replyTo } : {}), ...(replyToId ? { reply_to_message_id: replyToId } : {}) } : {};
    const last = i === parts.length - 1 && markup ? { reply_markup: markup } : {};
    result = await call("sendMessage", { ...rest, ...first, ...last, text: part });
  }
  return result;
}

/** The whole text as a .txt file in the same chat (nothing to do without a chat, e.g. an inline message). */
async function sendFullText(payload: Payload, text: string, call: Call): Promise<void> {
  if (payload.chat_id === undefined) return;
  await call("sendDocument", { chat_id: payload.chat_id, document: new InputFile(Buffer.from(text, "utf8"), FULL_TEXT_FILE_NAME) });
}

function checkButton(profile: PlatformProfile, button: InlineButtonLike): void {
  for (const field of Object.keys(button)) {
    if (!profile.buttonFields.includes(field)) throw new Error(`${profile.platform} does not support the inline button field "${field}"`);
  }
  if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > profile.callbackDataMaxBytes) {
    throw new Error(`callback_data "${button.callback_data}" is longer than ${profile.callbackDataMaxBytes} bytes`);
  }
}
