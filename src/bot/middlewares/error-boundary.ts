/**
 * Last line of defence: a failure while handling an update is logged with its update and the
 * user is told, in their language, that nothing was saved, instead of meeting silence.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export function errorBoundary(): Middleware<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.logger.error({ err }, "update failed");
      if (ctx.chat?.type === "private") {
        await ctx.reply(ctx.t("error-internal")).catch(() => undefined);
      }
    }
  };
}
