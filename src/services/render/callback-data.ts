/**
 * Everything Peygir puts in callback_data, encoded and decoded in one place. Platforms cap it at
 * 64 bytes, so payloads are short: a letter for the kind, a short verb, numeric ids.
 *
 *   a:ack:123   an agency action on assignment 123 (ack | prg | done | blk)
 *   t:2         page 2 of /tasks
 *   w:7:3       start the weekly report of cycle 7 for agency 3
 *   d:k3x9:ok   an answer inside a running dialog; the token ties the button to that dialog
 *   j:ok:5      the secretariat approves (ok) or refuses (no) join request 5
 *   gi:123      the governorate's "instruction" on assignment 123 (from a digest; the secretariat issue owns the dialog)
 *
 * Every decoded id is only a claim: the services check that the presser may act on it.
 */
import type { AgencyAction } from "../../domain/assignments/status.js";
import type { RsvpAnswer } from "../../domain/notices/index.js";

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

export const joinRequestData = (decision: "approve" | "refuse", requestId: number): string =>
  `j:${decision === "approve" ? "ok" : "no"}:${requestId}`;

export function parseJoinRequestData(data: string): { decision: "approve" | "refuse"; requestId: number } | undefined {
  const m = JOIN_REQUEST_DATA.exec(data);
  const requestId = asId(m?.[2]);
  return m && requestId !== undefined ? { decision: m[1] === "ok" ? "approve" : "refuse", requestId } : undefined;
}

/**
 * Meeting notices:
 *   n:45:a      recipient 45 answers attending (a) / sending a delegate (d) / cannot attend (x)
 *   nt:12:r     the secretariat's tracking view of notice 12: refresh (r), remind (m), move (v), cancel (c), attendance (p)
 *   ns:12:s     the composed notice 12: send (s) or discard (x)
 *   na:12:7     toggle agency 7 on notice 12's attendance sheet (0 = save)
 */
const RSVP_CODES: Record<RsvpAnswer, string> = { attending: "a", delegate: "d", absent: "x" };
const RSVP_BY_CODE = new Map(Object.entries(RSVP_CODES).map(([answer, code]) => [code, answer as RsvpAnswer]));
export const NOTICE_RSVP_DATA = /^n:(\d{1,12}):([adx])$/;
export const noticeRsvpData = (recipientId: number, answer: RsvpAnswer): string => `n:${recipientId}:${RSVP_CODES[answer]}`;
export function parseNoticeRsvpData(data: string): { recipientId: number; answer: RsvpAnswer } | undefined {
  const m = NOTICE_RSVP_DATA.exec(data);
  const recipientId = asId(m?.[1]);
  const answer = m ? RSVP_BY_CODE.get(m[2]!) : undefined;
  return recipientId !== undefined && answer ? { recipientId, answer } : undefined;
}

export type TrackingAction = "refresh" | "remind" | "move" | "cancel" | "attendance";
const TRACKING_CODES: Record<TrackingAction, string> = { refresh: "r", remind: "m", move: "v", cancel: "c", attendance: "p" };
const TRACKING_BY_CODE = new Map(Object.entries(TRACKING_CODES).map(([action, code]) => [code, action as TrackingAction]));
export const NOTICE_TRACKING_DATA = /^nt:(\d{1,12}):([rmvcp])$/;
export const noticeTrackingData = (noticeId: number, action: TrackingAction): string => `nt:${noticeId}:${TRACKING_CODES[action]}`;
export function parseNoticeTrackingData(data: string): { noticeId: number; action: TrackingAction } | undefined {
  const m = NOTICE_TRACKING_DATA.exec(data);
  const noticeId = asId(m?.[1]);
  const action = m ? TRACKING_BY_CODE.get(m[2]!) : undefined;
  return noticeId !== undefined && action ? { noticeId, action } : undefined;
}

export const NOTICE_SEND_DATA = /^ns:(\d{1,12}):([sx])$/;
export const noticeSendData = (noticeId: number, send: boolean): string => `ns:${noticeId}:${send ? "s" : "x"}`;
export function parseNoticeSendData(data: string): { noticeId: number; send: boolean } | undefined {
  const m = NOTICE_SEND_DATA.exec(data);
  const noticeId = asId(m?.[1]);
  return noticeId !== undefined ? { noticeId, send: m![2] === "s" } : undefined;
}

export const NOTICE_ATTENDANCE_DATA = /^na:(\d{1,12}):(\d{1,12})$/;
export const noticeAttendanceData = (noticeId: number, agencyId: number): string => `na:${noticeId}:${agencyId}`;
export function parseNoticeAttendanceData(data: string): { noticeId: number; agencyId: number } | undefined {
  const m = NOTICE_ATTENDANCE_DATA.exec(data);
  const noticeId = asId(m?.[1]);
  const agencyId = m?.[2] === "0" ? 0 : asId(m?.[2]);
  return noticeId !== undefined && agencyId !== undefined ? { noticeId, agencyId } : undefined;
}
