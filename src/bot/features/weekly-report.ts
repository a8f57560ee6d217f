/** `/report` and the button of a weekly-report prompt: both start the weekly-report dialog. */
import type { Composer } from "grammy";
import { BotComposer } from "../composer.js";
import type { InlineKeyboardButton } from "grammy/types";
import { weeklyReportButton } from "../../services/render/callback-data.js";
import { weekText } from "../../services/render/weekly-report.js";
import type { BotContext } from "../context.js";
import { enterDialog, weeklyReportDialog, type WeeklyReportDialogArgs } from "../conversations/index.js";
import { chatActorOf } from "../helpers/actors.js";
import { refusalText } from "../helpers/agency-replies.js";

export function weeklyReport(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  composer.chatType("private").command("report", async (ctx) => {
    const actor = chatActorOf(ctx);
    const slots = actor ? await ctx.services.weeklyReports.slotsFor(actor.personId) : [];
    if (slots.length === 0) {
      await ctx.reply(ctx.t(actor ? "report-none-open" : "start-unknown"));
      return;
    }
    if (slots.length === 1) {
      const args: WeeklyReportDialogArgs = { cycleId: slots[0]!.cycleId, agencyId: slots[0]!.agency.id };
      return enterDialog(ctx, weeklyReportDialog, args);
    }
    // Several agencies (or committees): the person picks which report; the dialog checks the pick again.
    const keyboard: InlineKeyboardButton[][] = slots.map((slot) => [
      {
        text: ctx.t("report-choose-button", { agency: slot.agency.name, week: weekText(slot.period, ctx.t) }),
        callback_data: weeklyReportButton.pack({ cycleId: slot.cycleId, agencyId: slot.agency.id }),
      },
    ]);
    await ctx.reply(ctx.t("report-choose"), { reply_markup: { inline_keyboard: keyboard } });
  });
  composer.callbackQuery(weeklyReportButton.filter(), async (ctx) => {
    const args: WeeklyReportDialogArgs | undefined = weeklyReportButton.unpack(ctx.callbackQuery.data);
    if (!args) return ctx.answerCallbackQuery({ text: refusalText(ctx.t, "unknown"), show_alert: true });
    await ctx.answerCallbackQuery();
    await enterDialog(ctx, weeklyReportDialog, args);
  });
  return composer;
}
