/** Whatever no feature handled: the unknown are told how to join, the known get a pointer to /help. */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";

export function fallback(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("callback-expired"), show_alert: true }));
  composer.chatType("private").on("message", (ctx) => ctx.reply(ctx.caller ? ctx.t("fallback-known") : ctx.t("start-unknown")));
  return composer;
}
