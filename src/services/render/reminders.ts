/**
 * Reminders to an agency's liaisons and heads: what the item is, how many working days remain or
 * how late it is, how many agencies on the same resolution have answered, and — for a head — which
 * liaison was reminded and when. One item: its full card (the assignment renderer) under the
 * reminder lines. Several items due for one person at once: one message, numbered, each with its buttons.
 */
import { deadlineStanding } from "../../domain/assignments/deadline.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { Track } from "../../domain/escalation/index.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { deadlineText, inRows, namedActionButtons, renderAssignment, titleLine, type AssignmentView } from "./assignment.js";
import { splitIntoMessages } from "./blocks.js";
import { formatsFor, joinNames } from "./format.js";

export interface ReminderItem {
  view: AssignmentView;
  calendar: WorkCalendar;
  track: Track;
  /** Working days since publication (for an unacknowledged item). */
  daysSincePublished: number;
  /** Agencies on the same resolution that have answered (shown when there are several). */
  answers?: { answered: number; total: number };
  /** For a head: the liaison reminder that went unanswered. */
  liaisonReminded?: { names: string[]; at: Date };
  toHead: boolean;
}

function reasonLines(item: ReminderItem, t: Translate, now: Date): string[] {
  const fmt = formatsFor(t);
  const lines: string[] = [];
  if (item.track === "unacknowledged") lines.push(t("reminder-unacknowledged", { days: item.daysSincePublished }));
  else lines.push(deadlineText(deadlineStanding(item.view.deadline, now, item.calendar), t, fmt));
  if (item.answers && item.answers.total > 1) lines.push(t("reminder-answered", item.answers));
  if (item.liaisonReminded)
    lines.push(
      t("reminder-liaison-reminded", {
        names: joinNames(item.liaisonReminded.names, t),
        date: fmt.dateTime(item.liaisonReminded.at),
      }),
    );
  if (item.toHead) lines.push(t("reminder-to-head"));
  return lines;
}

/** The message(s) one person receives for the reminders due for them in one pass. */
export function renderReminders(items: readonly ReminderItem[], t: Translate, now: Date): OutgoingMessage[] {
  if (items.length === 1) {
    const item = items[0]!;
    const card = renderAssignment(item.view, t, now, item.calendar);
    return [{ text: [t("reminder-header"), ...reasonLines(item, t, now), "", card.text].join("\n"), buttons: card.buttons ?? [] }];
  }
  const fmt = formatsFor(t);
  const blocks = items.map((item) => {
    const buttons = namedActionButtons(item.view, t);
    return {
      text: [
        titleLine(item.view, t, fmt),
        t("assignment-agency", { agency: item.view.agency.name, committee: item.view.committee.name }),
        ...reasonLines(item, t, now),
      ].join("\n"),
      buttons: inRows(buttons, 2),
    };
  });
  return splitIntoMessages(
    (part, parts) => t("reminder-header-many", { count: items.length }) + (parts > 1 ? ` ${t("digest-part", { part, parts })}` : ""),
    blocks,
  );
}
