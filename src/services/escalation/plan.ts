/**
 * Re-planning an assignment's ladder after its state changed. Call it in the transaction of the
 * change — publishing, acknowledging, progress, a done claim and its verification or rejection, a
 * blocker, an extension, a cancellation, a re-import that changed the deadline:
 *
 *   await planAssignments(tx, [assignmentId], now);
 *
 * Everything due up to `now` becomes moot (the change answers it) and the next rung is computed
 * from the new state, so an extension re-plans from the new deadline and progress restarts the
 * silence clock. (A pass also recomputes from the state it finds, so a forgotten call delays at
 * most what was already planned; it never sends anything the state no longer calls for.)
 */
import type { Tx } from "../../db/client.js";
import { ladderRows, type LadderRow } from "../../db/sql/ladder-rows.js";
import { inSlices } from "../../db/in-slices.js";
import { storeLadderPlans } from "../../db/sql/plan-ladder.js";
import type { AssignmentStatus, ResolutionKind } from "../../domain/assignments/status.js";
import { escalationPolicyOf, planAssignmentLadder, type LadderItem } from "../../domain/escalation/index.js";
import { workCalendarOf } from "../calendars.js";

export function ladderItemOf(
  row: Pick<LadderRow, "status" | "kind" | "publishedAt" | "acknowledgedAt" | "lastProgressAt" | "deadline">,
): LadderItem {
  return {
    status: row.status as AssignmentStatus,
    kind: row.kind as ResolutionKind,
    publishedAt: row.publishedAt,
    acknowledgedAt: row.acknowledgedAt,
    lastProgressAt: row.lastProgressAt,
    deadline: row.deadline,
  };
}

/** What a ladder is planned from: the item, and its committee's stored policy and calendar. */
export type LadderBasis = Pick<LadderRow, "status" | "kind" | "publishedAt" | "acknowledgedAt" | "lastProgressAt" | "deadline"> &
  Pick<LadderRow, "calendar" | "escalationPolicy">;

/** The next rung of an item's ladder as of `now` (pure: for a change that stores it with its own write). */
export function ladderPlanOf(basis: LadderBasis, now: Date): { nextAt: Date | null; nextStep: string | null } {
  const plan = planAssignmentLadder(ladderItemOf(basis), escalationPolicyOf(basis.escalationPolicy), workCalendarOf(basis.calendar), now);
  return { nextAt: plan.nextAt, nextStep: plan.nextStep };
}

export async function planAssignments(tx: Tx, ids: readonly number[], now: Date): Promise<void> {
  const rows = await inSlices(ids, (slice) => ladderRows(tx, { ids: slice }));
  await storeLadderPlans(
    tx,
    now,
    rows.map((row) => ({ id: row.id, ...ladderPlanOf(row, now) })),
  );
}
