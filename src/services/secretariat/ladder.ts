/**
 * After a change that moves an item's follow-up (a send-back, an extension, a reassignment), its
 * escalation ladder starts again from the new state: the item is marked due now, and the
 * scheduler's next pass recomputes its rungs from its state and the time (the ladder is derived,
 * never stored), in the same transaction as the change.
 */
import type { Tx } from "../../db/client.js";

export async function replanLadder(tx: Tx, assignmentIds: readonly number[], now: Date): Promise<void> {
  if (assignmentIds.length === 0) return;
  await tx.assignment.updateMany({ where: { id: { in: [...assignmentIds] } }, data: { nextEscalationAt: now, nextEscalationStep: null } });
}
