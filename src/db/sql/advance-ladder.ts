/**
 * Stores assignments' escalation cursors and next rungs and releases their leases, in ONE
 * statement for the whole batch (`WITH v AS (…) UPDATE … FROM v`, which PostgreSQL and SQLite ≥ 3.33
 * both read; the rows are bound as one JSON text, see json-rows.ts) — each row only if it is as the
 * pass read it (same version and cursor). A row left out of the result: someone changed the item
 * or another pass advanced it meanwhile, and this pass must not act on it.
 */
import { Prisma, type DbProvider, type Tx } from "../client.js";
import { jsonRows } from "./json-rows.js";

export interface LadderAdvance {
  id: number;
  readVersion: number;
  readCursor: Date;
  cursor: Date;
  nextAt: Date | null;
  nextStep: string | null;
}

/** Advances every row that is still as read; returns the ids that were advanced. */
export async function advanceLadder(tx: Tx, provider: DbProvider, advances: readonly LadderAdvance[]): Promise<Set<number>> {
  if (advances.length === 0) return new Set();
  const v = jsonRows(
    provider,
    { id: "int", readVersion: "int", readCursor: "timestamp", cursor: "timestamp", nextAt: "timestamp", nextStep: "text" },
    advances,
  );
  const rows = await tx.$queryRaw<{ id: number | bigint }[]>`
    WITH v AS (${v})
    UPDATE "Assignment" SET "escalationCursor" = v."cursor", "nextEscalationAt" = v."nextAt", "nextEscalationStep" = v."nextStep",
           "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL
    FROM v
    WHERE "Assignment"."id" = v."id" AND "Assignment"."version" = v."readVersion"
      AND COALESCE("Assignment"."escalationCursor", "Assignment"."publishedAt") = v."readCursor"
      -- The id list again, so that SQLite looks the rows up by key rather than scanning the table for the join.
      AND "Assignment"."id" IN (${Prisma.join(advances.map((a) => a.id))})
    RETURNING "Assignment"."id"`;
  return new Set(rows.map((row) => Number(row.id)));
}
