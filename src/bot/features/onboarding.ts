/**
 * Joining: `/start CODE` (what a deep link sends) or the bare code binds this chat to the
 * person the secretariat invited. Someone unknown is told how to join.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { roleLabelKey } from "./labels.js";

const INVITE_CODE = /^[A-Za-z0-9]{10}$/;

export function onboarding(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("start", async (ctx) => {
    const code = ctx.match.trim();
    if (code) return redeem(ctx, code);
    if (ctx.caller) return ctx.reply(ctx.t("start-welcome-back", { name: ctx.caller.name }) + "\n\n" + ctx.t("help-short"));
    return ctx.reply(ctx.t("start-unknown"));
  });

  // A code typed or pasted on its own works as well as the link.
  privateChats.on("message:text").filter(
    (ctx) => !ctx.caller && INVITE_CODE.test(ctx.msg.text.trim()),
    (ctx) => redeem(ctx, ctx.msg.text.trim()),
  );

  return composer;
}

async function redeem(ctx: BotContext, code: string) {
  if (!ctx.from || !ctx.chat) return;
  const result = await ctx.services.invites.redeem({
    platform: ctx.profile.platform,
    userId: String(ctx.from.id),
    chatId: String(ctx.chat.id),
    code,
    ...(ctx.from.username ? { username: ctx.from.username } : {}),
    ...(ctx.from.first_name ? { firstName: ctx.from.first_name } : {}),
  });
  if (!result.ok) return ctx.reply(ctx.t(`start-invite-${result.reason.replace(/_/g, "-")}`));
  ctx.logger.info({ roles: result.roles.map((r) => r.role) }, "invite redeemed");
  const roles = result.roles.map((r) => ctx.t("role-in-scope", { role: ctx.t(roleLabelKey(r.role)), scope: r.scope })).join("\n");
  const key = result.alreadyBound ? "start-already-bound" : "start-bound";
  return ctx.reply(ctx.t(key, { name: result.personName, roles }) + "\n\n" + ctx.t("help-short"));
}
