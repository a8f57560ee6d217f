/**
 * Looks up who is writing (identity, person, memberships) once per update, for every handler.
 * Only the person's private chat refreshes their identity: a message in a group proves nothing
 * about their own chat, and must never move their notifications into the group.
 */
import type { Middleware } from "grammy";
import type { BotContext } from "../context.js";
import { privateChatId } from "../filters/private-chat-only.js";

export function identifyCaller(): Middleware<BotContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) {
      ctx.caller = await ctx.services.identity.find(ctx.profile.platform, String(ctx.from.id));
      const chatId = privateChatId(ctx);
      if (ctx.caller && chatId !== undefined) await ctx.services.identity.touch(ctx.caller, chatId);
    }
    return next();
  };
}
