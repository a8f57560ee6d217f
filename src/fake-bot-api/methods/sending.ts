// Steps shared by every method that puts or changes a message: text and parse_mode, admission
// (rate limit, blocked user), reply targets, and delivery into the chat.
import type { Message, MessageEntity } from "grammy/types";
import { badRequest, forbidden, TEXT } from "../errors.js";
import { parseFormatted, trimFormatted } from "../formatting.js";
import type { ReplyMarkup } from "../markup.js";
import { bool, int, isRecord, jsonParam, str } from "../params.js";
import { asReplyTarget, type ChatState } from "../state.js";
import type { MethodContext } from "./context.js";

export interface FormattedField {
  text: string;
  entities: MessageEntity[];
  parseMode: string | undefined;
}

export const LIMITS = {
  message: { max: 4096, tooLong: "message is too long" },
  caption: { max: 1024, tooLong: "message caption is too long" },
} as const;

/**
 * Reads a text or caption. Telegram parses parse_mode (or takes explicit entities) and strips surrounding
 * whitespace; Bale has no parse_mode — it renders Markdown in every message — so the text stays raw there.
 * Lengths count UTF-16 code units after parsing, as Telegram does.
 */
export function readFormatted(
  ctx: MethodContext,
  field: "text" | "caption",
  limit: { max: number; tooLong: string },
): FormattedField | undefined {
  const raw = str(ctx.params, field);
  const parseMode = str(ctx.params, "parse_mode") || undefined;
  const { profile, options } = ctx.world;
  if (parseMode && !profile.parsesParseMode && options.baleStrictParseMode) {
    throw badRequest("parse_mode is not supported");
  }
  if (raw === undefined) return undefined;
  let formatted = profile.parsesParseMode ? parseFormatted(raw, parseMode) : { text: raw, entities: [] as MessageEntity[] };
  if (!parseMode && profile.parsesParseMode) {
    const entities = jsonParam(ctx.params, `${field === "text" ? "" : "caption_"}entities`, "can't parse entities JSON object");
    if (Array.isArray(entities)) formatted = { text: raw, entities: entities as MessageEntity[] };
  }
  formatted = trimFormatted(formatted);
  if (formatted.text.length > limit.max) throw badRequest(limit.tooLong);
  return { ...formatted, parseMode };
}

export function requireText(ctx: MethodContext): FormattedField {
  const text = readFormatted(ctx, "text", LIMITS.message);
  if (!text || text.text === "") throw badRequest("message text is empty");
  return text;
}

/** Message fields for a text or caption, leaving out empty entity lists as the API does. */
export function textFields(field: "text" | "caption", value: FormattedField | undefined): Partial<Message> {
  if (!value || value.text === "") return {};
  const entitiesKey = field === "text" ? "entities" : "caption_entities";
  return value.entities.length > 0 ? { [field]: value.text, [entitiesKey]: value.entities } : { [field]: value.text };
}

/** Flood control for sends and edits (only the methods the limiter counts). */
export function admitRate(ctx: MethodContext, chat: ChatState): void {
  const { world } = ctx;
  if (!world.limiter.counts(ctx.method)) return;
  try {
    world.limiter.admit({ token: chat.bot.token, chatId: chat.id, isGroup: chat.isGroup }, world.now());
  } catch (error) {
    world.stats.rateLimited++;
    throw error;
  }
}

/** New messages: rate limit first (a flood-limited request is refused whoever the recipient is), then the block. */
export function admitSend(ctx: MethodContext, chat: ChatState): void {
  admitRate(ctx, chat);
  if (chat.blocked) {
    ctx.world.stats.blocked++;
    throw forbidden(TEXT.blocked);
  }
}

/** reply_parameters (or the older reply_to_message_id): the replied message, without its own reply. */
function replyTarget(ctx: MethodContext, chat: ChatState): ReturnType<typeof asReplyTarget> | undefined {
  const parameters = jsonParam(ctx.params, "reply_parameters", "can't parse reply parameters JSON object");
  const replyParameters = isRecord(parameters) ? parameters : {};
  const id = int(replyParameters, "message_id") ?? int(ctx.params, "reply_to_message_id");
  if (id === undefined) return undefined;
  const target = chat.messages.get(id);
  if (!target) {
    if (bool(replyParameters, "allow_sending_without_reply") || bool(ctx.params, "allow_sending_without_reply")) {
      return undefined;
    }
    throw badRequest("message to be replied not found");
  }
  return asReplyTarget(target);
}

/** Builds the bot's message, admits it and delivers it: the common tail of sendMessage/Document/Photo. */
export function deliverNew(
  ctx: MethodContext,
  chat: ChatState,
  markup: ReplyMarkup | undefined,
  parseMode: string | undefined,
  content: Partial<Message>,
): Message {
  const reply = replyTarget(ctx, chat);
  admitSend(ctx, chat);
  const fields: Partial<Message> = { ...content };
  if (reply) fields.reply_to_message = reply;
  if (markup?.inline) fields.reply_markup = markup.inline;
  const message = chat.newMessage(ctx.bot.user, ctx.world.unixNow(), fields);
  ctx.world.deliver(chat, ctx.method, message, { replyMarkup: markup?.raw, parseMode, params: ctx.params });
  return message;
}
