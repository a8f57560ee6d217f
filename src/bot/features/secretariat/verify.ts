/**
 * `/verify`: the items agencies reported done, oldest first, each with its note and evidence and
 * approve / send-back buttons; and the secretariat's approve / refuse buttons on an agency's
 * extension request. The services check the secretariat role on every press.
 */
import type { Composer } from "grammy";
import { BotComposer } from "../../composer.js";
import type { InlineKeyboardButton } from "grammy/types";
import { extensionDecisionButton, verifyButton } from "../../../services/render/callback-data.js";
import type { BotContext } from "../../context.js";
import { enterDialog, sendBackDialog, type StaffDialogArgs } from "../../conversations/index.js";
import { itemTitleOf, renderVerification } from "./item-screens.js";
import { refusalMessage, staffActorOf } from "../../helpers/staff.js";

/** Claims shown at once; the rest follow after these are decided. */
const QUEUE_SHOWN = 10;

export function verify(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();

  composer.chatType("private").command("verify", async (ctx) => {
    const actor = staffActorOf(ctx);
    const mayVerify = actor && (await ctx.services.meetingDrafts.mayRecord(actor));
    if (!actor || !mayVerify) return void (await ctx.reply(ctx.t("staff-refused-forbidden")));
    const queue = await ctx.services.verification.queue(actor);
    if (queue.length === 0) return void (await ctx.reply(ctx.t("verify-empty")));
    await ctx.reply(ctx.t("verify-header", { count: queue.length }));
    for (const [i, entry] of queue.slice(0, QUEUE_SHOWN).entries()) {
      const message = renderVerification(entry, i + 1, queue.length, ctx.t);
      await ctx.reply(message.text, { reply_markup: { inline_keyboard: message.buttons as InlineKeyboardButton[][] } });
    }
  });

  composer.callbackQuery(verifyButton.filter(), async (ctx) => {
    const pressed = verifyButton.unpack(ctx.callbackQuery.data);
    const actor = staffActorOf(ctx);
    const found = pressed && actor ? await ctx.services.items.item(actor, pressed.assignmentId) : undefined;
    if (!pressed || !actor || !found?.manage)
      return void (await ctx.answerCallbackQuery({ text: ctx.t("staff-refused-forbidden"), show_alert: true }));
    const title = itemTitleOf(ctx.t, found.loaded.view);
    if (pressed.decision === "send_back") {
      if (found.loaded.view.status !== "reported_done") {
        return void (await ctx.answerCallbackQuery({ text: ctx.t("staff-refused-not-claimed"), show_alert: true }));
      }
      await ctx.answerCallbackQuery();
      const args: StaffDialogArgs = { assignmentId: pressed.assignmentId, title };
      return enterDialog(ctx, sendBackDialog, args);
    }
    const result = await ctx.services.verification.approve(actor, pressed.assignmentId);
    if (!result.ok)
      return void (await ctx.answerCallbackQuery({ text: refusalMessage(ctx.t, "staff-refused", result.refusal), show_alert: true }));
    await ctx.answerCallbackQuery({ text: ctx.t("verify-approved", { title }) });
    await ctx.reply(ctx.t("verify-approved", { title }));
  });

  composer.callbackQuery(extensionDecisionButton.filter(), async (ctx) => {
    const pressed = extensionDecisionButton.unpack(ctx.callbackQuery.data);
    const actor = staffActorOf(ctx);
    if (!pressed || !actor) return void (await ctx.answerCallbackQuery({ text: ctx.t("staff-refused-forbidden"), show_alert: true }));
    const result = await ctx.services.extensionRequests.decide(actor, pressed.requestId, pressed.decision);
    if (!result.ok) {
      const params: Record<string, string | number> = result.next ? { ...result.next } : {};
      const text = refusalMessage(ctx.t, "staff-refused", result.refusal === "day_off" ? "deadline.day_off" : result.refusal, params);
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    }
    const key = pressed.decision === "approve" ? "ext-request-approved" : "ext-request-refused";
    await ctx.answerCallbackQuery({ text: ctx.t(key) });
    await ctx.reply(ctx.t(key));
  });

  return composer;
}
