// Text messages and everything done to messages afterwards: edits, deletion, callback answers, chat actions.
import type { Message } from "grammy/types";
import { badRequest, TEXT } from "../errors.js";
import { parseReplyMarkup, stableStringify, type ReplyMarkup } from "../markup.js";
import { bool, int, str } from "../params.js";
import type { ChatState, SentRecord } from "../state.js";
import type { CallbackAnswer } from "../types.js";
import type { MethodContext, MethodHandler } from "./context.js";
import { admitRate, admitSend, deliverNew, LIMITS, readFormatted, requireText, textFields } from "./sending.js";

const sendMessage: MethodHandler = (ctx) => {
  // Same order as telegram-bot-api: markup, then text, then the chat.
  const markup = parseReplyMarkup(ctx.params, ctx.world.profile);
  const text = requireText(ctx);
  const chat = ctx.world.writableChat(ctx.bot, str(ctx.params, "chat_id"));
  return deliverNew(ctx, chat, markup, text.parseMode, textFields("text", text));
};

function editTarget(ctx: MethodContext): { chat: ChatState; record: SentRecord } {
  // Inline mode does not exist on Bale and is not simulated for Telegram.
  if (str(ctx.params, "inline_message_id")) throw badRequest("MESSAGE_ID_INVALID");
  const chat = ctx.world.chatFor(ctx.bot, str(ctx.params, "chat_id"));
  const id = int(ctx.params, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  if (!chat.messages.has(id)) throw badRequest("message to edit not found");
  const record = chat.sentById.get(id);
  if (!record) throw badRequest("message can't be edited");
  return { chat, record };
}

const CONTENT_FIELDS = ["text", "entities", "caption", "caption_entities", "reply_markup"] as const;

function sameContent(a: Message, b: Message): boolean {
  return CONTENT_FIELDS.every((key) => stableStringify(a[key]) === stableStringify(b[key]));
}

/**
 * Applies an edit. The markup always comes from this request: like Telegram, an edit that omits
 * reply_markup removes the inline keyboard. An edit that changes nothing is refused ("not modified").
 */
function edit(
  ctx: MethodContext,
  change: {
    replace: Partial<Message>;
    clear: readonly (typeof CONTENT_FIELDS)[number][];
    markup: ReplyMarkup | undefined;
    parseMode: string | undefined;
    /** Refuses messages this kind of edit does not apply to. */
    applies?: (message: Message) => boolean;
    notApplicable?: string;
  },
): Message {
  const { replace, clear, markup, parseMode } = change;
  const { chat, record } = editTarget(ctx);
  if (change.applies && !change.applies(record.message)) throw badRequest(change.notApplicable ?? "bad request");
  const next: Message = { ...record.message };
  for (const key of clear) delete next[key];
  delete next.reply_markup;
  Object.assign(next, replace);
  if (markup?.inline) next.reply_markup = markup.inline;
  if (sameContent(record.message, next)) throw badRequest(TEXT.notModified);
  admitRate(ctx, chat);
  next.edit_date = ctx.world.unixNow();
  ctx.world.applyEdit(chat, record, next, { replyMarkup: markup?.raw, parseMode });
  return next;
}

const editMessageText: MethodHandler = (ctx) => {
  const markup = parseReplyMarkup(ctx.params, ctx.world.profile);
  const text = requireText(ctx);
  return edit(ctx, {
    replace: textFields("text", text),
    clear: ["text", "entities"],
    markup,
    parseMode: text.parseMode,
    applies: (message) => message.text !== undefined,
    notApplicable: "there is no text in the message to edit",
  });
};

const editMessageCaption: MethodHandler = (ctx) => {
  const markup = parseReplyMarkup(ctx.params, ctx.world.profile);
  const caption = readFormatted(ctx, "caption", LIMITS.caption);
  return edit(ctx, {
    replace: textFields("caption", caption),
    clear: ["caption", "caption_entities"],
    markup,
    parseMode: caption?.parseMode,
    applies: (message) => message.document !== undefined || message.photo !== undefined,
    notApplicable: "there is no caption in the message to edit",
  });
};

const editMessageReplyMarkup: MethodHandler = (ctx) => {
  const markup = parseReplyMarkup(ctx.params, ctx.world.profile);
  return edit(ctx, { replace: {}, clear: [], markup, parseMode: undefined });
};

const deleteMessage: MethodHandler = (ctx) => {
  const chat = ctx.world.chatFor(ctx.bot, str(ctx.params, "chat_id"));
  const id = int(ctx.params, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  if (!ctx.world.deleteMessage(chat, id)) throw badRequest("message to delete not found");
  return true;
};

const answerCallbackQuery: MethodHandler = (ctx) => {
  const id = str(ctx.params, "callback_query_id") ?? "";
  const query = ctx.bot.callbackQueries.get(id);
  // Unknown, already answered and expired queries are all QUERY_ID_INVALID on Telegram.
  if (!query || ctx.world.now() > query.expiresAt) throw badRequest(TEXT.queryTooOld);
  ctx.bot.callbackQueries.delete(id);
  const answer: CallbackAnswer = {};
  const text = str(ctx.params, "text");
  if (text !== undefined) answer.text = text;
  if (ctx.params.show_alert !== undefined) answer.show_alert = bool(ctx.params, "show_alert");
  const url = str(ctx.params, "url");
  if (url !== undefined) answer.url = url;
  const cacheTime = int(ctx.params, "cache_time");
  if (cacheTime !== undefined) answer.cache_time = cacheTime;
  query.settle?.(answer);
  ctx.world.events.emit("callbackAnswered", query.info, answer);
  return true;
};

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const sendChatAction: MethodHandler = (ctx) => {
  if (!CHAT_ACTIONS.has(str(ctx.params, "action") ?? "")) throw badRequest("wrong parameter action in request");
  const chat = ctx.world.writableChat(ctx.bot, str(ctx.params, "chat_id"));
  admitSend(ctx, chat);
  return true;
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  sendChatAction,
};
