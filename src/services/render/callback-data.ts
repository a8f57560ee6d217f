/**
 * Everything Peygir puts in callback_data, encoded and decoded in one place. Platforms cap it at
 * 64 bytes, so payloads are short: a letter for the kind, a short verb, numeric ids.
 *
 *   a:ack:123   an agency action on assignment 123 (ack | prg | done | blk)
 *   t:2         page 2 of /tasks
 *   w:7:3       start the weekly report of cycle 7 for agency 3
 *   d:k3x9:ok   an answer inside a running dialog; the token ties the button to that dialog
 *   s:g:y:12    a /status screen (o verview, a gencies page, g one agency, d overdue, c ompliance,
 *               i ndicators) for a period (m onth, s eason, y ear, a ll), with an agency id or a page
 *   x:ok:5      the secretariat's decision on extension request 5 (ok | no)
 *   s:ext:12    a secretariat / governorate action on item 12 (see STAFF_ACTIONS)
 *   v:ok:12     the verification queue: approve (ok) or send back (bk) item 12

 *   j:ok:5      the secretariat approves (ok) or refuses (no) join request 5
 *   gi:123      the governorate's "instruction" on assignment 123 (from a digest; the secretariat issue owns the dialog)
 *
 * Every decoded id is only a claim: the services check that the presser may act on it.
 */
import type { AgencyAction } from "../../domain/assignments/status.js";

/** Row ids are 32-bit integers in both databases; a larger number in a button is forged or broken. */
const MAX_ID = 2_147_483_647;
const asId = (digits: string | undefined): number | undefined => {
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : undefined;
};

const ACTION_CODES: Record<AgencyAction, string> = { ack: "ack", progress: "prg", claim_done: "done", block: "blk" };
const ACTIONS_BY_CODE = new Map(Object.entries(ACTION_CODES).map(([action, code]) => [code, action as AgencyAction]));

export const ASSIGNMENT_ACTION_DATA = /^a:(ack|prg|done|blk):(\d{1,12})$/;
export const TASKS_PAGE_DATA = /^t:(\d{1,4})$/;
export const WEEKLY_REPORT_DATA = /^w:(\d{1,12}):(\d{1,12})$/;
export const DIALOG_DATA = /^d:([a-z0-9]{1,12}):(.{1,40})$/;
export const JOIN_REQUEST_DATA = /^j:(ok|no):(\d{1,12})$/;

export const assignmentActionData = (action: AgencyAction, assignmentId: number): string => `a:${ACTION_CODES[action]}:${assignmentId}`;

export function parseAssignmentActionData(data: string): { action: AgencyAction; assignmentId: number } | undefined {
  const m = ASSIGNMENT_ACTION_DATA.exec(data);
  const action = m ? ACTIONS_BY_CODE.get(m[1]!) : undefined;
  const assignmentId = asId(m?.[2]);
  return action && assignmentId !== undefined ? { action, assignmentId } : undefined;
}

export const tasksPageData = (page: number): string => `t:${page}`;

export const weeklyReportData = (cycleId: number, agencyId: number): string => `w:${cycleId}:${agencyId}`;

export function parseWeeklyReportData(data: string): { cycleId: number; agencyId: number } | undefined {
  const m = WEEKLY_REPORT_DATA.exec(data);
  const cycleId = asId(m?.[1]);
  const agencyId = asId(m?.[2]);
  return cycleId !== undefined && agencyId !== undefined ? { cycleId, agencyId } : undefined;
}

export const INSTRUCTION_DATA = /^gi:(\d{1,12})$/;

/** The "send an instruction" button on a governorate digest item. */
export const instructionData = (assignmentId: number): string => `gi:${assignmentId}`;

export function parseInstructionData(data: string): { assignmentId: number } | undefined {
  const assignmentId = asId(INSTRUCTION_DATA.exec(data)?.[1]);
  return assignmentId !== undefined ? { assignmentId } : undefined;
}

export const dialogData = (token: string, choice: string): string => `d:${token}:${choice}`;

export function parseDialogData(data: string): { token: string; choice: string } | undefined {
  const m = DIALOG_DATA.exec(data);
  return m ? { token: m[1]!, choice: m[2]! } : undefined;
}

const STATUS_SCREEN_CODES = { overview: "o", agencies: "a", agency: "g", overdue: "d", compliance: "c", indicators: "i" } as const;
const STATUS_PERIOD_CODES = { month: "m", season: "s", year: "y", all: "a" } as const;
const byCode = <T extends Record<string, string>>(codes: T) => new Map(Object.entries(codes).map(([k, v]) => [v, k as keyof T]));
const STATUS_SCREENS_BY_CODE = byCode(STATUS_SCREEN_CODES);
const STATUS_PERIODS_BY_CODE = byCode(STATUS_PERIOD_CODES);

export const STATUS_DATA = /^s:([oagdci]):([msya])(?::(\d{1,12}))?$/;

export interface StatusData {
  screen: keyof typeof STATUS_SCREEN_CODES;
  period: keyof typeof STATUS_PERIOD_CODES;
  /** An agency id, or a page of the agencies' list; 0 when the screen needs none. */
  id: number;
}

export const statusData = (d: StatusData): string =>
  `s:${STATUS_SCREEN_CODES[d.screen]}:${STATUS_PERIOD_CODES[d.period]}${d.id > 0 ? `:${d.id}` : ""}`;

export function parseStatusData(data: string): StatusData | undefined {
  const m = STATUS_DATA.exec(data);
  const screen = m ? STATUS_SCREENS_BY_CODE.get(m[1]!) : undefined;
  const period = m ? STATUS_PERIODS_BY_CODE.get(m[2]!) : undefined;
  const id = m?.[3] === undefined ? 0 : asId(m[3]);
  return screen && period && id !== undefined ? { screen, period, id } : undefined;
}

export const EXTENSION_DECISION_DATA = /^x:(ok|no):(\d{1,12})$/;

export const extensionDecisionData = (decision: "approve" | "refuse", requestId: number): string =>
  `x:${decision === "approve" ? "ok" : "no"}:${requestId}`;

export function parseExtensionDecisionData(data: string): { decision: "approve" | "refuse"; requestId: number } | undefined {
  const m = EXTENSION_DECISION_DATA.exec(data);
  const requestId = asId(m?.[2]);
  return m && requestId !== undefined ? { decision: m[1] === "ok" ? "approve" : "refuse", requestId } : undefined;
}

/** What the secretariat and the governorate can press on an item. */
export const STAFF_ACTIONS = ["car", "ext", "cnl", "rea", "add", "his", "ins", "req"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export const STAFF_ACTION_DATA = /^s:(car|ext|cnl|rea|add|his|ins|req):(\d{1,12})$/;

export const staffActionData = (action: StaffAction, assignmentId: number): string => `s:${action}:${assignmentId}`;

export function parseStaffActionData(data: string): { action: StaffAction; assignmentId: number } | undefined {
  const m = STAFF_ACTION_DATA.exec(data);
  const assignmentId = asId(m?.[2]);
  return m && assignmentId !== undefined ? { action: m[1] as StaffAction, assignmentId } : undefined;
}

export const VERIFY_DATA = /^v:(ok|bk):(\d{1,12})$/;

export const verifyData = (decision: "approve" | "send_back", assignmentId: number): string =>
  `v:${decision === "approve" ? "ok" : "bk"}:${assignmentId}`;

export function parseVerifyData(data: string): { decision: "approve" | "send_back"; assignmentId: number } | undefined {
  const m = VERIFY_DATA.exec(data);
  const assignmentId = asId(m?.[2]);
  return m && assignmentId !== undefined ? { decision: m[1] === "ok" ? "approve" : "send_back", assignmentId } : undefined;
}

/**
 * The /meeting flow's buttons: m:<draft>:<verb>[:<resolution index>[:<agency id>]]. The draft id
 * ties a button to its draft; the flow also checks that the verb belongs to the draft's current step.
 */
export const MEETING_DATA = /^m:(\d{1,12}):([a-z]{1,4})(?::(\d{1,3}))?(?::(\d{1,12}))?$/;

export const meetingData = (draftId: number, verb: string, index?: number, agencyId?: number): string =>
  `m:${draftId}:${verb}${index !== undefined ? `:${index}` : ""}${agencyId !== undefined ? `:${agencyId}` : ""}`;

export function parseMeetingData(data: string): { draftId: number; verb: string; index?: number; agencyId?: number } | undefined {
  const m = MEETING_DATA.exec(data);
  const draftId = asId(m?.[1]);
  if (!m || draftId === undefined) return undefined;
  return {
    draftId,
    verb: m[2]!,
    ...(m[3] !== undefined ? { index: Number(m[3]) } : {}),
    ...(m[4] !== undefined ? { agencyId: Number(m[4]) } : {}),
  };
}

/** /items filters: i:open, i:overdue, i:reported_done, i:agency:3. */
export const ITEMS_FILTER_DATA = /^i:(open|overdue|reported_done|agency)(?::(\d{1,12}))?$/;
export type ItemsFilterKind = "open" | "overdue" | "reported_done" | "agency";

export const itemsFilterData = (kind: ItemsFilterKind, agencyId?: number): string =>
  `i:${kind}${agencyId !== undefined ? `:${agencyId}` : ""}`;

export function parseItemsFilterData(data: string): { kind: ItemsFilterKind; agencyId?: number } | undefined {
  const m = ITEMS_FILTER_DATA.exec(data);
  if (!m) return undefined;
  const agencyId = asId(m[2]);
  if (m[1] === "agency" && agencyId === undefined) return undefined;
  return { kind: m[1] as ItemsFilterKind, ...(agencyId !== undefined ? { agencyId } : {}) };
}

export const joinRequestData = (decision: "approve" | "refuse", requestId: number): string =>
  `j:${decision === "approve" ? "ok" : "no"}:${requestId}`;

export function parseJoinRequestData(data: string): { decision: "approve" | "refuse"; requestId: number } | undefined {
  const m = JOIN_REQUEST_DATA.exec(data);
  const requestId = asId(m?.[2]);
  return m && requestId !== undefined ? { decision: m[1] === "ok" ? "approve" : "refuse", requestId } : undefined;
}
