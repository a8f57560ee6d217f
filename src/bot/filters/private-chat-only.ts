/**
 * Personal things happen only in a private chat with the bot: binding, commands, dialogs and
 * notifications. A group (or channel) sees only what is meant for groups (features/groups.ts).
 * A filter predicate, as grammY's `composer.filter(privateChatOnly, …)` takes it.
 */
import type { BotContext } from "../context.js";

export const privateChatOnly = (ctx: BotContext): boolean => ctx.chat?.type === "private";

/** The id of the chat, when the update comes from the person's private chat with the bot. */
export const privateChatId = (ctx: BotContext): string | undefined => (privateChatOnly(ctx) ? String(ctx.chat!.id) : undefined);
