/** Stores a re-planned ladder: the cursor at `now`, the next rung, no lease (any pass may take it when due). */
import type { Tx } from "../client.js";

export async function storeLadderPlan(tx: Tx, id: number, now: Date, nextAt: Date | null, nextStep: string | null): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Assignment" SET "escalationCursor" = ${now}, "nextEscalationAt" = ${nextAt}, "nextEscalationStep" = ${nextStep},
           "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL
    WHERE "id" = ${id}`;
}
