/**
 * The life of an assignment, as a pure state machine. Services ask it what an action does to a
 * status; they never decide transitions themselves. Overdue is not a status: it is derived from
 * the deadline when something is shown (see ./deadline.ts).
 *
 *   assigned ──ack──► acknowledged ──progress──► in_progress ──claim_done──► reported_done ──verify──► done
 *      │                   │                        ▲   │                        │
 *      └───────────────────┴──block──► blocked ─────┘   └──block──► blocked      └──reject_claim──► in_progress
 *   any open status ──cancel──► cancelled
 *
 * `done` and `cancelled` are final: no agency action changes them. `reported_done` waits for the
 * secretariat; the agency may still add notes (progress) to it, which leave the claim standing.
 */

import { ASSIGNMENT_STATUSES, FINAL_ASSIGNMENT_STATUSES, isOneOf, type AssignmentStatus, type ResolutionKind } from "../vocabulary.js";

export { ASSIGNMENT_STATUSES, type AssignmentStatus, type ResolutionKind };

/** What an agency (head or liaison) can do to its own assignment. */
export const AGENCY_ACTIONS = ["ack", "progress", "claim_done", "block"] as const;
export type AgencyAction = (typeof AGENCY_ACTIONS)[number];

/** What the secretariat can do; here so that the whole machine lives in one place. */
export const SECRETARIAT_ACTIONS = ["verify", "reject_claim", "cancel"] as const;
export type SecretariatAction = (typeof SECRETARIAT_ACTIONS)[number];

export type AssignmentAction = AgencyAction | SecretariatAction;

/** Why an action cannot be applied; each has its own user-facing explanation. */
export type TransitionRefusal =
  /** done or cancelled: nothing more can happen. */
  | "final"
  /** The agency claimed done and waits for verification; it cannot block or re-claim meanwhile. */
  | "awaiting_verification"
  /** A standing (مستمر) resolution is never "done": it is followed up for as long as it stands. */
  | "standing_never_done"
  /** The action makes no sense from this status (e.g. verifying what nobody claimed). */
  | "not_applicable";

export type Transition = { ok: true; next: AssignmentStatus; changed: boolean } | { ok: false; refusal: TransitionRefusal };

const FINAL: ReadonlySet<AssignmentStatus> = new Set(FINAL_ASSIGNMENT_STATUSES);

export function isAssignmentStatus(value: string): value is AssignmentStatus {
  return isOneOf(ASSIGNMENT_STATUSES, value);
}

export function isFinal(status: AssignmentStatus): boolean {
  return FINAL.has(status);
}

/** Open = still followed up (shown in /tasks, counted as pending). */
export function isOpen(status: AssignmentStatus): boolean {
  return !isFinal(status);
}

const stay = (status: AssignmentStatus): Transition => ({ ok: true, next: status, changed: false });
const move = (from: AssignmentStatus, to: AssignmentStatus): Transition => ({ ok: true, next: to, changed: from !== to });
const refuse = (refusal: TransitionRefusal): Transition => ({ ok: false, refusal });

/** The status after `action`, or why it is refused. Pressing a button twice is not an error: `changed` is false. */
export function transition(status: AssignmentStatus, action: AssignmentAction, kind: ResolutionKind = "one_off"): Transition {
  if (isFinal(status)) return refuse("final");
  switch (action) {
    case "ack":
      // Only the first sight moves the status; later ones are acknowledged implicitly.
      return status === "assigned" ? move(status, "acknowledged") : stay(status);
    case "progress":
      // A note on a done claim keeps the claim; anywhere else progress means work is under way again.
      return status === "reported_done" ? stay(status) : move(status, "in_progress");
    case "claim_done":
      if (kind === "standing") return refuse("standing_never_done");
      return move(status, "reported_done");
    case "block":
      if (status === "reported_done") return refuse("awaiting_verification");
      return move(status, "blocked");
    case "verify":
      return status === "reported_done" ? move(status, "done") : refuse("not_applicable");
    case "reject_claim":
      return status === "reported_done" ? move(status, "in_progress") : refuse("not_applicable");
    case "cancel":
      return move(status, "cancelled");
  }
}

/** The agency's buttons for an assignment in this status, in the order they are shown. */
export function agencyActionsFor(status: AssignmentStatus, kind: ResolutionKind = "one_off"): AgencyAction[] {
  return AGENCY_ACTIONS.filter((action) => {
    const result = transition(status, action, kind);
    // A button that would do nothing (ack once seen) or is refused is not offered.
    if (!result.ok) return false;
    if (action === "ack") return result.changed;
    if (action === "claim_done") return result.changed;
    return true;
  });
}
