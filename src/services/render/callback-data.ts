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
