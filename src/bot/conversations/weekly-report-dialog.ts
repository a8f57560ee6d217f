/**
 * The weekly report, question by question (text questions, number questions read in any digits
 * and checked, optional ones skippable, then files), or the whole report as one message or file.
 * It is saved only after the summary is confirmed; the service decides late / edited / closed
 * at that moment, so a due time passing in the middle of the dialog is handled right.
 */
import { z } from "zod";
import { FREE_FORM_KEY, parseAnswer, type Answers, type ReportQuestion } from "../../domain/weekly-report/answers.js";
import { inputErrorKey } from "../../domain/text/index.js";
import type { IncomingFile } from "../../services/attachments.js";
import { formatsFor } from "../../services/render/format.js";
import { reportSummaryText, weekText } from "../../services/render/weekly-report.js";
import type { SubmitResult } from "../../services/weekly-reports.js";
import type { BotContext } from "../context.js";
import { refusalText } from "../helpers/agency-replies.js";
import { agencyMember, type ChatActor } from "../helpers/actors.js";
import type { Dialog } from "./dialog.js";
import { accept, CANCEL, reject, withinLimit, type Check, type Reply } from "./dialog.js";
import { defineDialog } from "./registry.js";

const weeklyReportDialogArgs = z.object({ cycleId: z.number().int().positive(), agencyId: z.number().int().positive() });
export type WeeklyReportDialogArgs = z.infer<typeof weeklyReportDialogArgs>;

/** What the dialog needs to know about the report, as plain data (it is stored in the dialog's log). */
interface ReportInfo {
  agency: string;
  committee: string;
  period: string;
  dueAtIso: string;
  questions: ReportQuestion[];
  /** The opening lines (which report, due when, already sent?), in the reader's language. */
  intro: string;
}

const BY_QUESTION = { key: "report-button-questions", choice: "q" };
const FREE_FORM = { key: "report-button-free-form", choice: "f" };
const SKIP = { key: "dialog-button-skip", choice: "skip" };

/** The report's facts, or undefined after telling the user why they cannot send it. */
async function reportInfo(dialog: Dialog, args: WeeklyReportDialogArgs, actor: ChatActor): Promise<ReportInfo | undefined> {
  return dialog.call(async (ctx) => {
    const slot = await ctx.services.weeklyReports.slot(actor, args.cycleId, args.agencyId);
    if (!slot) {
      await ctx.reply(refusalText(ctx.t, "unknown"));
      return undefined;
    }
    const fmt = formatsFor(ctx.t);
    if (!slot.editable) {
      await ctx.reply(
        ctx.t("report-closed", { agency: slot.agency.name, week: weekText(slot.period, ctx.t), due: fmt.dateTime(slot.dueAt) }),
      );
      return undefined;
    }
    const intro = [
      ctx.t("report-intro", {
        agency: slot.agency.name,
        committee: slot.committeeName,
        week: weekText(slot.period, ctx.t),
        due: fmt.dateTime(slot.dueAt),
        count: slot.questions.length,
      }),
      slot.submitted ? ctx.t("report-intro-resubmit") : "",
      slot.late ? ctx.t("report-intro-late") : "",
    ].filter(Boolean);
    return {
      agency: slot.agency.name,
      committee: slot.committeeName,
      period: slot.period,
      dueAtIso: slot.dueAt.toISOString(),
      questions: [...slot.questions],
      intro: intro.join("\n\n"),
    };
  });
}

function answerTo(question: ReportQuestion, reply: Reply): Check<string | number | undefined> {
  if (reply.kind === "choice")
    return question.optional && reply.choice === SKIP.choice ? accept(undefined) : reject("report-answer-expected");
  if (reply.kind !== "text") return reject("report-answer-expected");
  const fits = withinLimit(reply.text, "reportAnswer");
  if (!fits.ok) return fits;
  const parsed = parseAnswer(question, reply.text);
  if (parsed.ok) return accept(parsed.value);
  return parsed.error.code === "text.empty" ? reject("report-answer-empty") : reject(inputErrorKey(parsed.error.code), parsed.error.params);
}

function freeFormAnswer(dialog: Dialog, reply: Reply): Check<{ answers: Answers; files: IncomingFile[] }> {
  if (reply.kind === "choice") return reject("report-free-form-expected");
  const fits = withinLimit(reply.kind === "text" ? reply.text : (reply.caption ?? ""), "reportFreeForm");
  if (!fits.ok) return fits;
  if (reply.kind === "text") return accept({ answers: { [FREE_FORM_KEY]: reply.text }, files: [] });
  const file = dialog.checkFile(reply.file);
  if (!file.ok) return file;
  return accept({ answers: { [FREE_FORM_KEY]: reply.caption ?? `📎 ${reply.file.fileName ?? reply.file.kind}` }, files: [file.value] });
}

async function answerQuestions(dialog: Dialog, questions: readonly ReportQuestion[]): Promise<{ answers: Answers; files: IncomingFile[] }> {
  const answers: Answers = {};
  for (const [index, question] of questions.entries()) {
    const vars = { n: index + 1, total: questions.length, label: question.label, unit: question.unit ? ` (${question.unit})` : "" };
    const key = question.type === "number" ? "report-ask-number" : "report-ask-text";
    const value = await dialog.ask({ key, vars }, [question.optional ? [SKIP, CANCEL] : [CANCEL]], (reply) => answerTo(question, reply));
    if (value !== undefined) answers[question.key] = value;
  }
  const files = await dialog.collectFiles({ key: "report-ask-files" });
  return { answers, files };
}

function savedText(t: BotContext["t"], result: SubmitResult, info: ReportInfo): string {
  if (!result.ok)
    return result.refusal === "closed"
      ? t("report-closed", { agency: info.agency, week: weekText(info.period, t), due: formatsFor(t).dateTime(new Date(info.dueAtIso)) })
      : refusalText(t, "unknown");
  const key = result.edited ? "report-saved-edited" : result.late ? "report-saved-late" : "report-saved";
  return t(key, { agency: info.agency, week: weekText(info.period, t) });
}

async function weeklyReport(dialog: Dialog, args: WeeklyReportDialogArgs, actor: ChatActor): Promise<void> {
  const info = await reportInfo(dialog, args, actor);
  if (!info) return;
  const mode = await dialog.ask(
    (t) => `${info.intro}\n\n${t("report-ask-mode")}`,
    [[BY_QUESTION], [FREE_FORM], [CANCEL]],
    (reply) =>
      reply.kind === "choice" && (reply.choice === BY_QUESTION.choice || reply.choice === FREE_FORM.choice)
        ? accept(reply.choice)
        : reject("report-mode-expected"),
  );
  const report =
    mode === FREE_FORM.choice
      ? await dialog.ask({ key: "report-ask-free-form" }, [[CANCEL]], (reply) => freeFormAnswer(dialog, reply))
      : await answerQuestions(dialog, info.questions);
  await dialog.confirm((t) =>
    [
      t("report-summary", { agency: info.agency, week: weekText(info.period, t) }),
      reportSummaryText(info.questions, report.answers, report.files.length, t),
      "",
      t("dialog-confirm-question"),
    ].join("\n"),
  );
  await dialog.call(async (ctx, idempotencyKey) => {
    const result = await ctx.services.weeklyReports.submit(actor, {
      cycleId: args.cycleId,
      agencyId: args.agencyId,
      ...report,
      idempotencyKey,
    });
    await ctx.reply(savedText(ctx.t, result, info));
  });
}

export const weeklyReportDialog = defineDialog({
  id: "weekly.report",
  args: weeklyReportDialogArgs,
  actor: agencyMember,
  topic: () => ({ key: "dialog-topic-report" }),
  run: weeklyReport,
});
