/**
 * What the secretariat and governorate see of items: the item card with the buttons their role
 * allows, the /items list, the verification entry, and an item's history. Pure.
 */
import { deadlineStanding } from "../../../domain/assignments/deadline.js";
import type { WorkCalendar } from "../../../domain/calendar/index.js";
import type { Translate } from "../../../i18n/index.js";
import type { InlineButton, OutgoingMessage } from "../../../outbox/outbox.js";
import type { LoadedView } from "../../../services/assignments/index.js";
import { deadlineLines, deadlineText, statusText, type AssignmentView } from "../../../services/render/assignment.js";
import {
  itemsFilterButton,
  staffActionButton,
  verifyButton,
  type ItemsFilterKind,
  type StaffAction,
} from "../../../services/render/callback-data.js";
import { formatsFor, joinNames } from "../../../services/render/format.js";
import type { HistoryEntry } from "../../../services/secretariat/item-history.js";
import type { StaffItems } from "../../../services/secretariat/items.js";
import type { VerificationEntry } from "../../../services/secretariat/verification.js";

export function itemTitleOf(t: Translate, view: AssignmentView): string {
  return t("staff-item-title", {
    resolution: view.resolution.number,
    meeting: formatsFor(t).digits(view.meeting.number),
    agency: view.agency.name,
  });
}

const MANAGE_ACTIONS: [StaffAction, string][][] = [
  [
    ["ext", "staff-button-extend"],
    ["cnl", "staff-button-cancel"],
  ],
  [
    ["rea", "staff-button-reassign"],
    ["add", "staff-button-add-agency"],
  ],
  [
    ["his", "staff-button-history"],
    ["ins", "staff-button-instruction"],
  ],
];
const OVERSEE_ACTIONS: [StaffAction, string][][] = [
  [
    ["his", "staff-button-history"],
    ["ins", "staff-button-instruction"],
  ],
];

function lines(view: AssignmentView, t: Translate, now: Date, calendar: WorkCalendar): string[] {
  const fmt = formatsFor(t);
  return [
    itemTitleOf(t, view),
    "",
    view.resolution.text,
    "",
    t(view.role === "lead" ? "staff-item-role-lead" : "staff-item-role-co"),
    ...deadlineLines(deadlineStanding(view.deadline, now, calendar), t, fmt),
    t("assignment-status", { status: statusText(view, t) }),
  ];
}

/** The card of one item, with the actions the reader's role allows. */
export function renderStaffItem(loaded: LoadedView, manage: boolean, t: Translate, now: Date): OutgoingMessage {
  const { view, calendar } = loaded;
  const final = view.status === "done" || view.status === "cancelled";
  const actions = (manage ? MANAGE_ACTIONS : OVERSEE_ACTIONS)
    .map((row) => row.filter(([action]) => !final || action === "his"))
    .filter((row) => row.length > 0);
  return {
    text: lines(view, t, now, calendar).join("\n"),
    buttons: actions.map((row) =>
      row.map(([action, key]): InlineButton => ({
        text: t(key),
        callback_data: staffActionButton.pack({ action: action, assignmentId: view.id }),
      })),
    ),
  };
}

/** Which /items screen a list is: its filter, and the label the header names it by. */
export interface ItemListScreen {
  kind: ItemsFilterKind;
  /** The agency of an "agency" filter. */
  agencyId?: number;
  label: string;
}

/**
 * One page of /items: a header with the filter, the page and the count, a numbered block per item
 * (numbers run on across pages) with a button that opens its card, «قبلی» / «بعدی» under the same
 * filter, then the filters themselves (each starts again at page 1).
 */
export function renderItemList(
  listed: Pick<StaffItems, "items" | "page" | "pageCount" | "total" | "firstPosition">,
  screen: ItemListScreen,
  agencies: { id: number; name: string }[],
  t: Translate,
  now: Date,
): OutgoingMessage {
  const fmt = formatsFor(t);
  const text = [
    listed.pageCount > 1
      ? t("items-header-paged", { count: listed.total, filter: screen.label, page: listed.page, pages: listed.pageCount })
      : t("items-header", { count: listed.total, filter: screen.label }),
  ];
  const buttons: InlineButton[] = [];
  listed.items.forEach((l, i) => {
    const n = listed.firstPosition + i;
    const standing = deadlineStanding(l.view.deadline, now, l.calendar);
    text.push(
      "",
      `${fmt.digits(n)}) ${itemTitleOf(t, l.view)}`,
      `${standing.kind === "overdue" ? "⚠️ " : ""}${deadlineText(standing, t, fmt)} — ${statusText(l.view, t)}`,
    );
    buttons.push({
      text: t("items-button-open", { n }),
      callback_data: staffActionButton.pack({ action: "car", assignmentId: l.view.id }),
    });
  });
  if (listed.total === 0) text.push("", t("items-none"));
  const rows: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  const turn = (page: number) => itemsFilterButton.pack({ kind: screen.kind, agencyId: screen.agencyId ?? 0, page });
  const nav: InlineButton[] = [];
  if (listed.page > 1) nav.push({ text: t("items-previous"), callback_data: turn(listed.page - 1) });
  if (listed.page < listed.pageCount) nav.push({ text: t("items-next"), callback_data: turn(listed.page + 1) });
  if (nav.length > 0) rows.push(nav);
  rows.push([
    { text: t("items-filter-open"), callback_data: itemsFilterButton.pack({ kind: "open" }) },
    { text: t("items-filter-overdue"), callback_data: itemsFilterButton.pack({ kind: "overdue" }) },
    { text: t("items-filter-claimed"), callback_data: itemsFilterButton.pack({ kind: "reported_done" }) },
  ]);
  for (let i = 0; i < agencies.length; i += 2)
    rows.push(
      agencies.slice(i, i + 2).map((a) => ({ text: a.name, callback_data: itemsFilterButton.pack({ kind: "agency", agencyId: a.id }) })),
    );
  return { text: text.join("\n"), buttons: rows };
}

export function renderVerification(entry: VerificationEntry, position: number, total: number, t: Translate): OutgoingMessage {
  const fmt = formatsFor(t);
  const { view } = entry.loaded;
  const text = [
    t("verify-entry-header", { n: position, total }),
    itemTitleOf(t, view),
    "",
    view.resolution.text,
    "",
    t("verify-entry-claimed", { by: entry.claimedBy ?? "—", at: entry.claimedAt ? fmt.dateTime(entry.claimedAt) : "—" }),
    entry.note ? t("verify-entry-note", { note: entry.note }) : t("verify-entry-no-note"),
  ];
  if (entry.files.length > 0)
    text.push(
      t("verify-entry-files", {
        count: entry.files.length,
        names: joinNames(
          entry.files.map((f) => f.fileName ?? f.kind),
          t,
        ),
      }),
    );
  return {
    text: text.join("\n"),
    buttons: [
      [
        { text: t("verify-button-approve"), callback_data: verifyButton.pack({ decision: "approve", assignmentId: view.id }) },
        { text: t("verify-button-send-back"), callback_data: verifyButton.pack({ decision: "send_back", assignmentId: view.id }) },
      ],
    ],
  };
}

export function renderHistory(view: AssignmentView, entries: HistoryEntry[], t: Translate): string {
  const fmt = formatsFor(t);
  const out = [t("history-header", { title: itemTitleOf(t, view) }), ""];
  for (const e of entries) {
    const escalation = e.action.startsWith("escalation.");
    const label = escalation
      ? t("history-escalation", { step: e.action.slice("escalation.".length) })
      : t(`history-${e.action.replace(/[._]/g, "-")}`);
    const who = e.who ?? t("history-system");
    const details = [
      e.percent !== undefined ? t("history-percent", { percent: e.percent }) : "",
      e.next ? t("history-next-deadline", { date: fmt.date(e.next) }) : "",
      e.text ? `«${e.text}»` : "",
      e.outcome && e.outcome !== "sent" ? t("history-skipped") : "",
    ].filter((s) => s !== "");
    out.push(`• ${fmt.dateTime(e.at)} — ${label} — ${who}${details.length > 0 ? `: ${details.join(" ")}` : ""}`);
  }
  if (entries.length === 0) out.push(t("history-empty"));
  return out.join("\n");
}
