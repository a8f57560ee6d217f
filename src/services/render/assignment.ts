/**
 * The assignment message, in one place: what publishing queues, what /tasks lists, and what
 * reminders will repeat. Pure: (data, translate, now, calendar) → message. Plain text only — Bale
 * has no parse_mode and the platform transformer neutralises any Markdown in user text.
 */
import { deadlineStanding, type DeadlineStanding } from "../../domain/assignments/deadline.js";
import { agencyActionsFor, type AgencyAction, type AssignmentStatus, type ResolutionKind } from "../../domain/assignments/status.js";
import type { WorkCalendar } from "../../domain/calendar/index.js";
import { firstWords } from "../../domain/text/index.js";
import type { Translate } from "../../i18n/index.js";
import type { InlineButton, OutgoingMessage } from "../../outbox/outbox.js";
import { assignmentButton, staffActionButton, tasksPageButton } from "./callback-data.js";
import { formatsFor, type Formats, joinNames } from "./format.js";

/** Everything a reader needs to know about one agency's duty on one resolution. */
export interface AssignmentView {
  id: number;
  status: AssignmentStatus;
  role: "lead" | "co";
  percent: number;
  deadline: Date | null;
  blockedReason: string | null;
  agency: { id: number; name: string };
  resolution: { number: number; text: string; kind: ResolutionKind; leadAll: boolean; reportTo: string | null };
  meeting: { number: string; heldOn: Date };
  committee: { id: number; name: string };
  /** The other agencies on the same resolution, lead first (empty for `lead: all`). */
  partners: { name: string; role: "lead" | "co" }[];
}

/** What answers and dialogs say about an item (its title and status): what one light read gives. */
export type AssignmentSummary = Pick<AssignmentView, "id" | "status" | "percent" | "blockedReason"> & {
  resolution: Pick<AssignmentView["resolution"], "number" | "kind">;
  meeting: Pick<AssignmentView["meeting"], "number">;
};

export const ACTION_LABEL_KEYS: Record<AgencyAction, string> = {
  ack: "assignment-button-ack",
  progress: "assignment-button-progress",
  claim_done: "assignment-button-done",
  block: "assignment-button-blocked",
};

export function statusText(view: Pick<AssignmentView, "status" | "percent" | "blockedReason">, t: Translate): string {
  const label = t(`assignment-status-${view.status.replace(/_/g, "-")}`);
  if (view.status === "in_progress" && view.percent > 0)
    return t("assignment-status-with-percent", { status: label, percent: view.percent });
  if (view.status === "blocked" && view.blockedReason)
    return t("assignment-status-with-reason", { status: label, reason: view.blockedReason });
  return label;
}

export function deadlineText(standing: DeadlineStanding, t: Translate, fmt: Formats): string {
  switch (standing.kind) {
    case "standing":
      return t("assignment-deadline-standing");
    case "today":
      return t("assignment-deadline-today", { date: fmt.date(standing.deadline) });
    case "left":
      return t("assignment-deadline-left", { date: fmt.date(standing.deadline), days: standing.workingDays });
    case "overdue":
      return t("assignment-deadline-overdue", { date: fmt.date(standing.deadline), days: standing.workingDays });
  }
}

/** The deadline line, and under it a note when the deadline day is off (a Friday, a holiday). */
export function deadlineLines(standing: DeadlineStanding, t: Translate, fmt: Formats): string[] {
  const lines = [deadlineText(standing, t, fmt)];
  const off = standing.kind === "left" || standing.kind === "today" ? standing.dayOff : undefined;
  if (off) {
    const reason = off.holiday ?? t(off.reasons.includes("friday") ? "deadline-off-friday" : "deadline-off-thursday");
    lines.push(t("deadline-day-off", { reason, next: fmt.date(off.nextWorkingDay) }));
  }
  return lines;
}

function roleLines(view: AssignmentView, t: Translate): string[] {
  if (view.resolution.leadAll) return [t("assignment-role-all")];
  const names = (role: "lead" | "co") =>
    joinNames(
      view.partners.filter((p) => p.role === role).map((p) => p.name),
      t,
    );
  const lines = [t(view.role === "lead" ? "assignment-role-lead" : "assignment-role-co")];
  const lead = names("lead");
  const co = names("co");
  if (lead) lines.push(t("assignment-partners-lead", { names: lead }));
  if (co) lines.push(t(view.role === "lead" ? "assignment-partners-co" : "assignment-partners-other-co", { names: co }));
  return lines;
}

/** "📌 مصوبه ۱ جلسه ۱۴۰۵-۰۸ (…)": how every message names an item. */
export function titleLine(view: Pick<AssignmentView, "resolution" | "meeting">, t: Translate, fmt: Formats): string {
  return t("assignment-title", {
    resolution: view.resolution.number,
    meeting: fmt.digits(view.meeting.number),
    meetingDate: fmt.date(view.meeting.heldOn),
  });
}

/**
 * The item's action buttons (what its status allows), optionally with other labels. On a /tasks
 * page they carry the page, so a press redraws that page rather than a card.
 */
export function actionButtons(
  view: Pick<AssignmentView, "id" | "status" | "resolution">,
  t: Translate,
  label: (action: AgencyAction) => string = (a) => t(ACTION_LABEL_KEYS[a]),
  tasksPage?: number,
): InlineButton[] {
  return agencyActionsFor(view.status, view.resolution.kind).map((action) => ({
    text: label(action),
    callback_data: assignmentButton.pack({ action, assignmentId: view.id, ...(tasksPage !== undefined ? { tasksPage } : {}) }),
  }));
}

/** Subject length on an item's action buttons (two a row): the same words on every button of the item. */
export const ACTION_SUBJECT_LIMIT = 16;
/** Subject length on a button that only picks an item (one a row). */
export const PICK_SUBJECT_LIMIT = 28;

/**
 * A button label naming an item the way the meeting does — by its resolution number — with the first
 * words of its text as a subject («مصوبه ۳: ادارات تعاون…»). Position numbers in a list are never
 * shown: readers took them for resolution numbers.
 */
export function itemLabel(
  view: Pick<AssignmentView, "resolution">,
  t: Translate,
  key: string,
  vars: Record<string, string | number>,
  subjectLimit: number,
): string {
  return t(key, { ...vars, resolution: view.resolution.number, subject: firstWords(view.resolution.text, subjectLimit) });
}

/** An item's action buttons labelled with the action, the resolution number and the subject. */
export function namedActionButtons(
  view: Pick<AssignmentView, "id" | "status" | "resolution">,
  t: Translate,
  tasksPage?: number,
): InlineButton[] {
  return actionButtons(
    view,
    t,
    (action) => itemLabel(view, t, "tasks-button", { action: t(ACTION_LABEL_KEYS[action]) }, ACTION_SUBJECT_LIMIT),
    tasksPage,
  );
}

/** Two buttons a row: long Persian labels stay readable on a phone. */
export function inRows<T>(items: T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

/** The full message about one assignment, with its buttons. */
export function renderAssignment(view: AssignmentView, t: Translate, now: Date, calendar: WorkCalendar): OutgoingMessage {
  const fmt = formatsFor(t);
  const lines = [
    titleLine(view, t, fmt),
    t("assignment-agency", { agency: view.agency.name, committee: view.committee.name }),
    "",
    view.resolution.text,
    "",
    ...roleLines(view, t),
    ...deadlineLines(deadlineStanding(view.deadline, now, calendar), t, fmt),
    t("assignment-report-to", { to: view.resolution.reportTo ?? t("assignment-report-to-secretariat") }),
    t("assignment-status", { status: statusText(view, t) }),
  ];
  const buttons = actionButtons(view, t);
  if (buttons.length > 0) lines.push("", t("assignment-hint"));
  // An item with a deadline may ask the secretariat for more time.
  const extension: InlineButton[] =
    view.deadline && buttons.length > 0
      ? [{ text: t("assignment-button-extension"), callback_data: staffActionButton.pack({ action: "req", assignmentId: view.id }) }]
      : [];
  return { text: lines.join("\n"), buttons: [...inRows(buttons, 2), ...(extension.length > 0 ? [extension] : [])] };
}

/** Longest resolution text shown in a list before it is cut (the full text is one press away). */
const LIST_TEXT_LIMIT = 180;

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

export interface TaskPage {
  items: AssignmentView[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
  /** Position (1-based) of items[0] in the whole list. */
  firstPosition: number;
  /** Show agency headings: the reader acts for several agencies. */
  grouped: boolean;
}

/** Items per /tasks page: five items with their buttons still fit a phone screen. */
export const TASKS_PAGE_SIZE = 5;

/** The page (clamped to the list) holding items [(page−1)·size, page·size). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size = TASKS_PAGE_SIZE,
): { items: T[]; page: number; pageCount: number; total: number; firstPosition: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const start = (current - 1) * size;
  return { items: items.slice(start, start + size), page: current, pageCount, total: items.length, firstPosition: start + 1 };
}

/**
 * One page of /tasks: a block per item (agency headings when grouped), each item's buttons
 * labelled with its resolution number and subject, and ‹ › to turn pages.
 */
export function renderTaskPage(
  page: TaskPage,
  t: Translate,
  now: Date,
  calendarOf: (view: AssignmentView) => WorkCalendar,
): OutgoingMessage {
  const fmt = formatsFor(t);
  const lines = [t("tasks-header", { total: page.total, page: page.page, pages: page.pageCount })];
  const rows: InlineButton[][] = [];
  let agencyId: number | undefined;
  page.items.forEach((view) => {
    if (page.grouped && view.agency.id !== agencyId) {
      agencyId = view.agency.id;
      lines.push("", t("tasks-agency-heading", { agency: view.agency.name }));
    }
    const standing = deadlineStanding(view.deadline, now, calendarOf(view));
    lines.push(
      "",
      t("tasks-item-title", { title: titleLine(view, t, fmt), role: t(view.role === "lead" ? "tasks-role-lead" : "tasks-role-co") }),
      shorten(view.resolution.text, LIST_TEXT_LIMIT),
      ...deadlineLines(standing, t, fmt).map((line, i) =>
        i === 0 && standing.kind === "overdue" ? `${t("tasks-overdue-mark")} ${line}` : line,
      ),
      t("assignment-status", { status: statusText(view, t) }),
    );
    const buttons = namedActionButtons(view, t, page.page);
    if (buttons.length > 0) rows.push(...inRows(buttons, 2));
  });
  if (page.pageCount > 1) {
    const nav: InlineButton[] = [];
    if (page.page > 1) nav.push({ text: t("tasks-previous"), callback_data: tasksPageButton.pack({ page: page.page - 1 }) });
    if (page.page < page.pageCount) nav.push({ text: t("tasks-next"), callback_data: tasksPageButton.pack({ page: page.page + 1 }) });
    rows.push(nav);
  }
  return { text: lines.join("\n"), buttons: rows };
}
