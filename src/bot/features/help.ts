/** `/help`: what this person can do, by the roles they hold; the unknown are told how to join. */
import { callerName } from "./onboarding.js";
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { BotContext } from "../context.js";
import { roleLabelKey } from "./labels.js";

export function help(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.command("help", (ctx) => ctx.reply(helpText(ctx)));
  return composer;
}

export function helpText(ctx: BotContext): string {
  const caller = ctx.caller;
  if (!caller) return ctx.t("start-unknown");
  const roles = new Set(caller.memberships.map((m) => m.role));
  const lines = [ctx.t("help-header", { name: callerName(ctx) })];
  for (const m of caller.memberships) {
    lines.push(ctx.t("role-in-scope", { role: ctx.t(roleLabelKey(m.role)), scope: m.agency?.name ?? m.committee?.name ?? "" }));
  }
  if (roles.has("head") || roles.has("liaison")) lines.push("", ctx.t("help-agency"), ctx.t("help-status-agency"));
  if (roles.has("secretariat"))
    lines.push(
      "",
      ctx.t("help-secretariat"),
      ctx.t("help-secretariat-groups"),
      ctx.t("help-secretariat-joining"),
      ctx.t("help-status-committee"),
      ctx.t("help-export"),
      ctx.t("help-notices"),
    );
  if (roles.has("governorate")) lines.push("", ctx.t("help-governorate"), ctx.t("help-status-committee"), ctx.t("help-weekly-digest"));
  lines.push("", ctx.t("help-footer"));
  return lines.join("\n");
}
