/**
 * Every button family Peygir puts in callback_data, declared once with `createCallbackData`
 * (pack / filter / unpack, 64-byte limit checked at pack time). Payloads are short: a prefix, short
 * codes for domain words, numeric ids. A family whose buttons appear on more than one screen says
 * which screen in its payload, so no handler has to read the keyboard it was pressed on.
 *
 * Every decoded id is only a claim: the services check that the presser may act on it.
 */
import type { AgencyAction } from "../../domain/assignments/status.js";
import type { RsvpAnswer } from "../../domain/notices/index.js";
import { createCallbackData, field } from "../../shared/callback-data.js";

/** `a:ack:123[:2]`: an agency action on assignment 123, pressed on its card or on /tasks page 2. */
export const assignmentButton = createCallbackData("a", {
  action: field.code<AgencyAction>({ ack: "ack", progress: "prg", claim_done: "done", block: "blk" }),
  assignmentId: field.id(),
  /** The /tasks page the button is on; absent on an item's own card. */
  tasksPage: field.optional(field.count(9999)),
});

/** `t:2`: page 2 of /tasks. */
export const tasksPageButton = createCallbackData("t", { page: field.count(9999) });

/** `w:7:3`: start the weekly report of cycle 7 for agency 3. */
export const weeklyReportButton = createCallbackData("w", { cycleId: field.id(), agencyId: field.id() });

/** `d:k3x9:ok`: an answer inside a running dialog; the token ties the button to that dialog. */
export const dialogButton = createCallbackData("d", { token: field.token("[a-z0-9]{1,12}"), choice: field.token(".{1,40}") });

/** `j:ok:5`: the secretariat approves (ok) or refuses (no) join request 5. */
export const joinRequestButton = createCallbackData("j", {
  decision: field.code({ approve: "ok", refuse: "no" }),
  requestId: field.id(),
});

/** `gi:123`: the governorate's "instruction" on assignment 123, from a digest. */
export const instructionButton = createCallbackData("gi", { assignmentId: field.id() });

/** The /status screens and periods, as their codes travel. */
export const STATUS_SCREENS = { overview: "o", agencies: "a", agency: "g", overdue: "d", compliance: "c", indicators: "i" } as const;
export const STATUS_PERIODS = { month: "m", season: "s", year: "y", all: "a" } as const;
export type StatusScreen = keyof typeof STATUS_SCREENS;
export type StatusPeriod = keyof typeof STATUS_PERIODS;

/** `r:g:y:12`: a /status screen for a period, with an agency id or a page of the agencies' list. */
export const statusButton = createCallbackData("r", {
  screen: field.code<StatusScreen>(STATUS_SCREENS),
  period: field.code<StatusPeriod>(STATUS_PERIODS),
  /** An agency id, or a page of the agencies' list; absent when the screen needs none. */
  id: field.optional(field.id()),
});

/** `x:ok:5`: the secretariat's decision on extension request 5. */
export const extensionDecisionButton = createCallbackData("x", {
  decision: field.code({ approve: "ok", refuse: "no" }),
  requestId: field.id(),
});

/** What the secretariat and the governorate can press on an item. */
export const STAFF_ACTIONS = ["car", "ext", "cnl", "rea", "add", "his", "ins", "req"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** `s:ext:12`: a secretariat / governorate action on item 12 (see STAFF_ACTIONS). */
export const staffActionButton = createCallbackData("s", {
  action: field.code<StaffAction>(Object.fromEntries(STAFF_ACTIONS.map((a) => [a, a])) as Record<StaffAction, string>),
  assignmentId: field.id(),
});

/** `v:ok:12`: the verification queue: approve (ok) or send back (bk) item 12. */
export const verifyButton = createCallbackData("v", {
  decision: field.code({ approve: "ok", send_back: "bk" }),
  assignmentId: field.id(),
});

/**
 * `m:<draft>:<verb>[:<resolution index>[:<agency id>]]`: the /meeting flow. The draft id ties a
 * button to its draft; the flow also checks that the verb belongs to the draft's current step.
 */
export const meetingButton = createCallbackData("m", {
  draftId: field.id(),
  verb: field.token("[a-z]{1,4}"),
  index: field.optional(field.count(999)),
  agencyId: field.optional(field.id()),
});

/**
 * `i:open`, `i:agency:3`, `i:overdue:0:2`, `i:agency:3:2`: a screen of the /items list — its filter
 * (the agency's id for "agency", 0 for the others) and its page (absent: the first). A filter
 * button starts at page 1; «بعدی» and «قبلی» carry the filter they were pressed under.
 */
export type ItemsFilterKind = "open" | "overdue" | "reported_done" | "agency";
export const itemsFilterButton = createCallbackData("i", {
  kind: field.code<ItemsFilterKind>({ open: "open", overdue: "overdue", reported_done: "reported_done", agency: "agency" }),
  agencyId: field.optional(field.idOrZero()),
  page: field.optional(field.count(9999)),
});

/** `n:45:a`: notice recipient 45 answers attending (a) / sending a delegate (d) / cannot attend (x). */
export const noticeRsvpButton = createCallbackData("n", {
  /** 0 on a preview's buttons, which only show what recipients will see. */
  recipientId: field.idOrZero(),
  answer: field.code<RsvpAnswer>({ attending: "a", delegate: "d", absent: "x" }),
});

export type TrackingAction = "refresh" | "remind" | "move" | "cancel" | "attendance";

/** `nt:12:r[:l]`: the tracking view of notice 12 (refresh, remind, move, cancel, attendance), pressed on the view or on the /notices list (l). */
export const noticeTrackingButton = createCallbackData("nt", {
  noticeId: field.id(),
  action: field.code<TrackingAction>({ refresh: "r", remind: "m", move: "v", cancel: "c", attendance: "p" }),
  screen: field.optional(field.code({ list: "l" })),
});

/** `ns:12:s`: the composed notice 12: send (s) or discard (x). */
export const noticeSendButton = createCallbackData("ns", {
  noticeId: field.id(),
  choice: field.code({ send: "s", discard: "x" }),
});

/** `na:12:7`: toggle agency 7 on notice 12's attendance sheet (0 = save). */
export const noticeAttendanceButton = createCallbackData("na", { noticeId: field.id(), agencyId: field.idOrZero() });
