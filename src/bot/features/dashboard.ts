/**
 * `/dashboard` in a private chat: a one-time link to the web dashboard (valid 10 minutes, one use).
 * The link is the interactive reply to the person's own command, so it is sent directly, not
 * through the outbox; it is never logged.
 */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";

export function dashboard(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.chatType("private").command("dashboard", async (ctx) => {
    const caller = ctx.caller;
    if (!caller) {
      await ctx.reply(ctx.t("start-unknown"));
      return;
    }
    if ((await ctx.services.dashboard.committeesOf(caller.personId)).length === 0) {
      await ctx.reply(ctx.t("dashboard-not-allowed"));
      return;
    }
    const { code } = await ctx.services.webLogin.issueCode(caller.personId);
    await ctx.reply(ctx.t("dashboard-link", { link: ctx.services.webLogin.linkFor(code) }));
  });
  return composer;
}
