/**
 * Every callback query gets an answer, or the user's client shows a spinner until it times out
 * (and Bale requires it). Handlers that answer with a text do so themselves; anything they
 * leave unanswered, including after an error, is answered here with no text.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export function answerEveryCallback(): Middleware<BotContext> {
  return async (ctx, next) => {
    if (!ctx.callbackQuery) return next();
    let answered = false;
    const original = ctx.answerCallbackQuery.bind(ctx);
    ctx.answerCallbackQuery = (...args: Parameters<typeof original>) => {
      answered = true;
      return original(...args);
    };
    try {
      await next();
    } finally {
      if (!answered) await original().catch((err: unknown) => ctx.logger.warn({ err }, "could not answer a callback query"));
    }
  };
}
