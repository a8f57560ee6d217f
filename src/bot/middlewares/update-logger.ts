/** A child logger per update, carrying platform, update id and chat; logs each update's outcome. */
import type { Logger } from "pino";
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export function updateLogger(root: Logger): Middleware<BotContext> {
  return async (ctx, next) => {
    ctx.logger = root.child({ platform: ctx.profile.platform, updateId: ctx.update.update_id, chatId: ctx.chat?.id });
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.logger.debug({ ms: Math.round(performance.now() - started) }, "update handled");
    }
  };
}
