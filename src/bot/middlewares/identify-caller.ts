/** Looks up who is writing (identity, person, memberships) once per update, for every handler. */
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";

export function identifyCaller(): Middleware<BotContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) {
      ctx.caller = await ctx.services.identity.find(ctx.profile.platform, String(ctx.from.id));
      if (ctx.caller) await ctx.services.identity.touch(ctx.caller, ctx.chat ? String(ctx.chat.id) : undefined);
    }
    return next();
  };
}
