/**
 * The message an agency gets when its published item changed (a re-imported committee file, or
 * the secretariat): what changed, in a line each, then the item as it is now, with its buttons.
 */
import type { WorkCalendar } from "../../domain/calendar/index.js";
import type { Translate } from "../../i18n/index.js";
import type { OutgoingMessage } from "../../outbox/outbox.js";
import { renderAssignment, type AssignmentView } from "./assignment.js";
import { formatsFor } from "./format.js";

export interface AssignmentChange {
  textChanged: boolean;
  deadline?: { from: Date | null; to: Date | null };
  role?: "lead" | "co";
  /** The agency is no longer assigned this resolution. */
  cancelled?: boolean;
}

export function renderAssignmentChange(
  view: AssignmentView,
  change: AssignmentChange,
  t: Translate,
  now: Date,
  calendar: WorkCalendar,
): OutgoingMessage {
  const fmt = formatsFor(t);
  const title = t("assignment-short-title", { resolution: view.resolution.number, meeting: fmt.digits(view.meeting.number) });
  if (change.cancelled) return { text: t("change-cancelled", { title }) };
  const deadline = (d: Date | null) => (d ? fmt.date(d) : t("change-deadline-none"));
  const lines = [t("change-header", { title })];
  if (change.deadline) lines.push(t("change-deadline", { from: deadline(change.deadline.from), to: deadline(change.deadline.to) }));
  if (change.textChanged) lines.push(t("change-text"));
  if (change.role) lines.push(t(change.role === "lead" ? "change-role-lead" : "change-role-co"));
  const card = renderAssignment(view, t, now, calendar);
  return { text: [...lines, "", card.text].join("\n"), ...(card.buttons ? { buttons: card.buttons } : {}) };
}
