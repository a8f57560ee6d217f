/**
 * What the bot does outside private chats. In a group, a committee's secretariat binds (or
 * unbinds) the group to the committee with /bindgroup (/unbindgroup); any other command gets one
 * short line asking to write privately, and everything else is ignored. No personal data, dialog
 * or identity change ever comes from a group (see filters/private-chat-only.ts).
 *
 * Bale sends no my_chat_member updates, so the bot's leaving is also read from the service
 * message (left_chat_member) both platforms put in the group.
 */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { Message } from "grammy/types";
import type { GroupBindingResult } from "../../services/committee-groups.js";
import type { BotContext } from "../context.js";
import { privateChatOnly } from "../filters/private-chat-only.js";

const GONE = new Set(["left", "kicked"]);

export function groups(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.chatType("private").command(["bindgroup", "unbindgroup"], (ctx) => ctx.reply(ctx.t("group-bind-in-group")));

  const outside = composer.drop(privateChatOnly);
  const inGroups = outside.chatType(["group", "supergroup"]);
  inGroups.command("bindgroup", (ctx) => onBinding(ctx, "bind"));
  inGroups.command("unbindgroup", (ctx) => onBinding(ctx, "unbind"));
  inGroups.on("message:left_chat_member", async (ctx) => {
    if (ctx.msg.left_chat_member.id === ctx.me.id) await ctx.services.groups.chatGone(ctx.profile.platform, String(ctx.chat.id));
  });
  inGroups.on("message:migrate_to_chat_id", (ctx) =>
    ctx.services.groups.chatMigrated(ctx.profile.platform, String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id)),
  );
  outside.on("my_chat_member", async (ctx) => {
    if (GONE.has(ctx.myChatMember.new_chat_member.status)) await ctx.services.groups.chatGone(ctx.profile.platform, String(ctx.chat.id));
  });
  outside.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("group-write-privately"), show_alert: true }));
  outside.on("message", async (ctx) => {
    if (isCommandForUs(ctx, ctx.msg)) await ctx.reply(ctx.t("group-write-privately"));
  });
  // Nothing else from outside private chats reaches the personal features.
  return composer;
}

/** A command with no @bot suffix, or with ours: a group may have several bots. */
function isCommandForUs(ctx: BotContext, message: Message): boolean {
  const entity = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity || !message.text) return false;
  const [, target] = message.text.slice(0, entity.length).split("@");
  return target === undefined || target.toLowerCase() === ctx.me.username?.toLowerCase();
}

async function onBinding(ctx: BotContext, change: "bind" | "unbind"): Promise<void> {
  const chat = ctx.chat!;
  const group = {
    platform: ctx.profile.platform,
    chatId: String(chat.id),
    ...("title" in chat && chat.title ? { title: chat.title } : {}),
  };
  const sender = { platform: ctx.profile.platform, userId: String(ctx.from!.id) };
  const code = typeof ctx.match === "string" && ctx.match.trim() ? ctx.match.trim() : undefined;
  const result =
    change === "bind" ? await ctx.services.groups.bind(sender, group, code) : await ctx.services.groups.unbind(sender, group, code);
  if (result.ok)
    ctx.logger.info({ committee: result.committee.code, chatId: group.chatId, change, changed: result.changed }, "group binding");
  await ctx.reply(bindingText(ctx, change, result));
}

function bindingText(ctx: BotContext, change: "bind" | "unbind", result: GroupBindingResult): string {
  if (result.ok) {
    const key =
      change === "bind" ? (result.changed ? "group-bound" : "group-already-bound") : result.changed ? "group-unbound" : "group-not-bound";
    return ctx.t(key, { committee: result.committee.name });
  }
  switch (result.reason) {
    case "not_bound":
    case "not_secretariat":
      return ctx.t("group-bind-not-secretariat");
    case "unknown_committee":
    case "choose_committee":
      return ctx.t(result.reason === "unknown_committee" ? "group-bind-unknown-committee" : "group-bind-choose", {
        command: change === "bind" ? "/bindgroup" : "/unbindgroup",
        codes: result.committees.map((c) => `${c.code} — ${c.name}`).join("\n"),
      });
  }
}
