/**
 * Refuses what no platform would send but a forged or broken update may carry — text that is
 * not a string, a negative or absurd file size, a photo without sizes, button data that is not
 * a string — before any handler or dialog sees it: the user is told clearly (in a private chat),
 * nothing is stored, and an open dialog stays exactly where it was, since it never sees the update.
 */
import type { Middleware } from "grammy";
import { impossibilityOf } from "../helpers/incoming.js";
import type { BotContext } from "../context.js";

export function refuseImpossibleInput(): Middleware<BotContext> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (query && query.data !== undefined && typeof query.data !== "string") {
      ctx.logger.warn({ kind: "callback_data" }, "impossible input refused");
      await ctx.answerCallbackQuery({ text: ctx.t("input-impossible-button") });
      return;
    }
    const message = ctx.message ?? ctx.editedMessage;
    const impossible = message && impossibilityOf(message);
    if (!impossible) return next();
    ctx.logger.warn({ kind: impossible }, "impossible input refused");
    if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(ctx.t(`input-impossible-${impossible}`));
  };
}
