/** Ids of the assignments whose next escalation is due at `now`, without claiming them (a dry run). */
import type { Tx } from "../client.js";

export async function dueAssignmentIds(db: Tx, now: Date, limit: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Assignment" WHERE "nextEscalationAt" <= ${now} ORDER BY "nextEscalationAt" LIMIT ${limit}`;
  return rows.map((row) => Number(row.id));
}
