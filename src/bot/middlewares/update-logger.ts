/**
 * A child logger per update, carrying update id and chat (the root logger given here already
 * carries the platform); logs how long each update took at debug level.
 */
import type { Logger } from "pino";
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export function updateLogger(root: Logger): Middleware<BotContext> {
  return async (ctx, next) => {
    ctx.logger = root.child({ updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.logger.debug({ ms: Math.round(performance.now() - started) }, "update handled");
    }
  };
}
