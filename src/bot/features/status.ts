/**
 * `/status` and `/export` in a private chat. /status: the committee overview with the chart, then
 * buttons for the agencies, one agency's detail, the overdue list, compliance and indicators, and
 * the period; an agency head or liaison sees their own agency only (the service decides, from the
 * database, on every press). /export: the committee's workbook, as a document, to its secretariat.
 */
import type { Composer } from "grammy";
import { InputFile, type CallbackQueryContext } from "grammy";
import { BotComposer } from "../composer.js";
import type { InlineKeyboardButton } from "grammy/types";
import type { PeriodKind } from "../../domain/reports/index.js";
import { renderChartPng } from "../../exports/chart.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { statusButton } from "../../services/render/callback-data.js";
import { periodLabel } from "../../services/render/period.js";
import {
  type StatusTarget,
  renderAgencyDetail,
  renderAgencyList,
  renderCompliance,
  renderIndicators,
  renderOverdue,
  renderStatus,
} from "../../services/render/status.js";
import type { StatusView } from "../../services/reports/figures.js";
import type { BotContext } from "../context.js";

const button = (target: StatusTarget): string =>
  statusButton.pack({ screen: target.screen, period: target.period, ...(target.id ? { id: target.id } : {}) });
const markupOf = (message: OutgoingMessage) => ({ reply_markup: { inline_keyboard: (message.buttons ?? []) as InlineKeyboardButton[][] } });

export function status(): Composer<BotContext> {
  const composer = new BotComposer<BotContext>();
  const privateChats = composer.chatType("private");
  privateChats.command("status", (ctx) => showStatus(ctx));
  privateChats.command("export", (ctx) => sendExport(ctx));
  privateChats.command("digest", (ctx) => toggleDigest(ctx));
  composer.callbackQuery(statusButton.filter(), onScreenButton);
  return composer;
}

async function showStatus(ctx: BotContext): Promise<void> {
  const view = ctx.caller && (await ctx.services.reports.statusFor(ctx.caller.personId, { period: "year" }));
  if (!view) {
    await ctx.reply(ctx.t(ctx.caller ? "status-not-allowed" : "start-unknown"));
    return;
  }
  await ctx.replyWithPhoto(new InputFile(await chartOf(ctx, view), "status.png"), {
    caption: ctx.t("status-chart-caption", { committee: view.committee.name }),
  });
  const message = renderStatus(view, ctx.t, button, "year");
  await ctx.reply(message.text, markupOf(message));
}

/** `/digest on|off` (or just `/digest`, which says how it is): a governorate member's weekly digest in private. */
async function toggleDigest(ctx: BotContext): Promise<void> {
  const arg = (typeof ctx.match === "string" ? ctx.match : "").trim().toLowerCase();
  const wanted = arg === "on" ? true : arg === "off" ? false : undefined;
  const state = ctx.caller && (await ctx.services.reports.weeklyDigest(ctx.caller.personId, wanted));
  if (!state) {
    await ctx.reply(ctx.t(ctx.caller ? "weekly-digest-not-allowed" : "start-unknown"));
    return;
  }
  const key =
    wanted === undefined
      ? state.on
        ? "weekly-digest-state-on"
        : "weekly-digest-state-off"
      : state.on
        ? "weekly-digest-on"
        : "weekly-digest-off";
  await ctx.reply(ctx.t(key));
}

/** The chart of what the person may see: every agency, or their own beside the committee's average. */
function chartOf(ctx: BotContext, view: StatusView): Promise<Buffer> {
  if (view.scope === "committee") {
    return renderChartPng({
      committeeName: view.committee.name,
      figures: view.figures,
      t: ctx.t,
      periodLabel: periodLabel(view.figures.period, ctx.t),
    });
  }
  return renderChartPng({
    committeeName: view.committee.name,
    figures: {
      ...view.figures,
      committee: { ...view.agency, realization: view.committeeRealization },
      agencies: [view.agency],
      overdue: view.overdue,
    },
    quotas: view.agency.quotas,
    t: ctx.t,
    periodLabel: periodLabel(view.figures.period, ctx.t),
  });
}

async function onScreenButton(ctx: CallbackQueryContext<BotContext>): Promise<void> {
  const pressed = statusButton.unpack(ctx.callbackQuery.data);
  const view = pressed && ctx.caller && (await ctx.services.reports.statusFor(ctx.caller.personId, { period: pressed.period }));
  if (!pressed || !view) {
    await ctx.answerCallbackQuery({ text: ctx.t(ctx.caller ? "status-not-allowed" : "start-unknown"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const message = screenOf(ctx, view, { screen: pressed.screen, period: pressed.period, id: pressed.id ?? 0 });
  try {
    await ctx.editMessageText(message.text, markupOf(message));
  } catch (err) {
    if (!/not modified/i.test(String((err as Error).message))) ctx.logger.warn({ err }, "could not show the status screen");
  }
}

/** The screen a button asks for; an agency member only ever gets their own screen. */
function screenOf(ctx: BotContext, view: StatusView, target: Required<StatusTarget>): OutgoingMessage {
  const t = ctx.t;
  const period: PeriodKind = target.period;
  if (view.scope === "agency") return renderStatus(view, t, button, period);
  const { committee, figures } = view;
  switch (target.screen) {
    case "agencies":
      return renderAgencyList(committee, figures, t, button, target.id || 1);
    case "agency": {
      const agency = figures.agencies.find((a) => a.agency.id === target.id);
      return agency
        ? renderAgencyDetail(committee, figures, agency, t, button, period)
        : renderAgencyList(committee, figures, t, button, 1);
    }
    case "overdue":
      return renderOverdue(committee, figures, t, button, period);
    case "compliance":
      return renderCompliance(committee, figures, t, button, period);
    case "indicators":
      return renderIndicators(committee, figures, t, button, period);
    case "overview":
      return renderStatus(view, t, button, period);
  }
}

async function sendExport(ctx: BotContext): Promise<void> {
  const committees = ctx.caller ? await ctx.services.exports.exportableCommittees(ctx.caller.personId) : [];
  const first = committees[0];
  const workbook = first && ctx.caller && (await ctx.services.exports.workbookFor(ctx.caller.personId, first.id));
  if (!workbook) {
    await ctx.reply(ctx.t(ctx.caller ? "export-not-allowed" : "start-unknown"));
    return;
  }
  await ctx.replyWithDocument(new InputFile(workbook.bytes, workbook.fileName), {
    caption: ctx.t("export-caption", { committee: first.name, assignments: workbook.rows.assignments }),
  });
}
