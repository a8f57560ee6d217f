/**
 * Stores an assignment's escalation cursor and next rung and releases its lease — only if the row
 * is as the pass read it (same version and cursor). 0 rows: someone changed the item or another
 * pass advanced it meanwhile, and this pass must not act on it.
 */
import type { Tx } from "../client.js";

export interface LadderAdvance {
  id: number;
  readVersion: number;
  readCursor: Date;
  cursor: Date;
  nextAt: Date | null;
  nextStep: string | null;
}

export async function advanceLadder(tx: Tx, a: LadderAdvance): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "Assignment" SET "escalationCursor" = ${a.cursor}, "nextEscalationAt" = ${a.nextAt}, "nextEscalationStep" = ${a.nextStep},
           "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL
    WHERE "id" = ${a.id} AND "version" = ${a.readVersion} AND COALESCE("escalationCursor", "publishedAt") = ${a.readCursor}`;
  return count === 1;
}
