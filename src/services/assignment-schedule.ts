/**
 * The one place where a change to an assignment (its deadline, text or agencies) asks for its
 * follow-up schedule to be planned again. The scheduler plans from the assignment's state: making
 * the row due now lets its next pass plan the next step from the new deadline.
 */
import type { Tx } from "../db/client.js";

export async function replanAssignmentSchedules(tx: Tx, assignmentIds: readonly number[], now: Date): Promise<void> {
  if (assignmentIds.length === 0) return;
  await tx.assignment.updateMany({
    where: { id: { in: [...assignmentIds] } },
    data: { nextEscalationAt: now, nextEscalationStep: null },
  });
}
