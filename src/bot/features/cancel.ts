/** `/cancel`: leaves whatever dialog is under way; nothing of it is saved. Registered before the dialogs. */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";

export function cancel(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(active ? "cancel-done" : "cancel-nothing"));
  });
  return composer;
}
