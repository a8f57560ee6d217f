/**
 * What a weekly-report cycle says on its own: the reminders to agencies that have not reported,
 * the note to an agency head whose report is missing, and the compliance digest to the
 * secretariat and the governorate (on time / late / missing by agency, totals of the numbers).
 */
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { splitIntoMessages } from "./blocks.js";
import { weeklyReportButton } from "./callback-data.js";
import { formatsFor, joinNames } from "./format.js";

export interface CycleNote {
  cycleId: number;
  period: string;
  dueAt: Date;
  committeeName: string;
  agency: { id: number; name: string };
}

/** The working day before the due day, or its morning: "the report has not arrived". */
export function renderCycleReminder(note: CycleNote, step: "remind_day_before" | "remind_due_morning", t: Translate): OutgoingMessage {
  const fmt = formatsFor(t);
  const key = step === "remind_day_before" ? "weekly-reminder-day-before" : "weekly-reminder-due-morning";
  return {
    text: t(key, {
      period: fmt.digits(note.period),
      committee: note.committeeName,
      agency: note.agency.name,
      due: fmt.dateTime(note.dueAt),
    }),
    buttons: [
      [{ text: t("weekly-report-button"), callback_data: weeklyReportButton.pack({ cycleId: note.cycleId, agencyId: note.agency.id }) }],
    ],
  };
}

/** To the head of an agency whose report did not arrive by the due time. */
export function renderMissingToHead(note: CycleNote, t: Translate): OutgoingMessage {
  const fmt = formatsFor(t);
  return {
    text: t("weekly-missing-head", {
      period: fmt.digits(note.period),
      committee: note.committeeName,
      agency: note.agency.name,
      due: fmt.dateTime(note.dueAt),
    }),
    buttons: [
      [{ text: t("weekly-report-button"), callback_data: weeklyReportButton.pack({ cycleId: note.cycleId, agencyId: note.agency.id }) }],
    ],
  };
}

export interface Compliance {
  period: string;
  committeeName: string;
  onTime: string[];
  late: string[];
  missing: string[];
  /** The number questions, in the template's order, with the total of the answers received. */
  indicators: { label: string; unit?: string; total: number }[];
}

export function renderCompliance(c: Compliance, t: Translate): OutgoingMessage[] {
  const fmt = formatsFor(t);
  const names = (list: string[]) => joinNames(list, t);
  const total = c.onTime.length + c.late.length + c.missing.length;
  const blocks = [
    { text: t("compliance-totals", { onTime: c.onTime.length, late: c.late.length, missing: c.missing.length, total }) },
    ...(c.onTime.length > 0 ? [{ text: t("compliance-on-time", { names: names(c.onTime) }) }] : []),
    ...(c.late.length > 0 ? [{ text: t("compliance-late", { names: names(c.late) }) }] : []),
    ...(c.missing.length > 0 ? [{ text: t("compliance-missing", { names: names(c.missing) }) }] : []),
    ...(c.indicators.length > 0
      ? [
          {
            text: [
              t("compliance-indicators"),
              ...c.indicators.map((i) =>
                t("compliance-indicator", { label: i.label, value: fmt.number(i.total), unit: i.unit ?? "" }).trimEnd(),
              ),
            ].join("\n"),
          },
        ]
      : []),
  ];
  const header = (part: number, parts: number) =>
    t("compliance-header", { period: fmt.digits(c.period), committee: c.committeeName }) +
    (parts > 1 ? ` ${t("digest-part", { part, parts })}` : "");
  return splitIntoMessages(header, blocks);
}
