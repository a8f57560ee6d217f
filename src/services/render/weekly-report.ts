/** Weekly-report messages: the prompt that opens a cycle and the summary shown before saving. */
import { addJalaliDays, parseJalaliWeekKey } from "../../domain/calendar/index.js";
import { FREE_FORM_KEY, type Answers, type ReportQuestion } from "../../domain/weekly-report/answers.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { weeklyReportButton } from "./callback-data.js";
import { formatsFor, type Formats } from "./format.js";

export interface ReportPrompt {
  cycleId: number;
  period: string;
  dueAt: Date;
  committeeName: string;
  agency: { id: number; name: string };
}

/** "from Saturday 1 Azar to Friday 7 Azar 1405" for a week key. */
export function weekText(period: string, t: Translate, fmt: Formats = formatsFor(t)): string {
  const saturday = parseJalaliWeekKey(period);
  if (!saturday) return period;
  return t("report-week", { from: fmt.date(saturday), to: fmt.date(addJalaliDays(saturday, 6)) });
}

export function renderReportPrompt(prompt: ReportPrompt, t: Translate): OutgoingMessage {
  const fmt = formatsFor(t);
  return {
    text: t("report-prompt", {
      committee: prompt.committeeName,
      agency: prompt.agency.name,
      week: weekText(prompt.period, t, fmt),
      due: fmt.dateTime(prompt.dueAt),
    }),
    buttons: [
      [
        {
          text: t("report-prompt-button"),
          callback_data: weeklyReportButton.pack({ cycleId: prompt.cycleId, agencyId: prompt.agency.id }),
        },
      ],
    ],
  };
}

function answerText(question: ReportQuestion, value: string | number | undefined, t: Translate, fmt: Formats): string {
  if (value === undefined || value === "") return t("report-summary-skipped");
  if (typeof value === "number") {
    const number = fmt.number(value);
    return question.unit ? `${number} ${question.unit}` : number;
  }
  return value;
}

/** The answers as the reader will check them before saving. */
export function reportSummaryText(questions: readonly ReportQuestion[], answers: Answers, files: number, t: Translate): string {
  const fmt = formatsFor(t);
  const free = answers[FREE_FORM_KEY];
  const lines =
    typeof free === "string"
      ? [t("report-summary-free-form"), free]
      : questions.map((q) => t("report-summary-line", { label: q.label, answer: answerText(q, answers[q.key], t, fmt) }));
  if (files > 0) lines.push(t("summary-files", { count: files }));
  return lines.join("\n");
}
