/**
 * After a change that moves an item's follow-up (a send-back, an extension, a reassignment, a
 * cancellation), its escalation ladder is planned again from the new state, in the same
 * transaction as the change (the scheduler's planAssignments).
 */
import type { Tx } from "../../db/client.js";
import { planAssignments } from "../escalation/plan.js";

export async function replanLadder(tx: Tx, assignmentIds: readonly number[], now: Date): Promise<void> {
  if (assignmentIds.length > 0) await planAssignments(tx, assignmentIds, now);
}
