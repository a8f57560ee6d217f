/**
 * Stores assignments' escalation cursors and next rungs and releases their leases, in one
 * statement per slice (`WITH v AS (VALUES …) UPDATE … FROM v`, which PostgreSQL and SQLite ≥ 3.33
 * both read) — each row only if it is as the pass read it (same version and cursor). A row left out
 * of the result: someone changed the item or another pass advanced it meanwhile, and this pass must
 * not act on it.
 */
import { Prisma, type DbProvider, type Tx } from "../client.js";

export interface LadderAdvance {
  id: number;
  readVersion: number;
  readCursor: Date;
  cursor: Date;
  nextAt: Date | null;
  nextStep: string | null;
}

/** Rows per statement: 7 parameters each, under SQLite's 999. */
const SLICE = 120;

/** Advances every row that is still as read; returns the ids that were advanced. */
export async function advanceLadder(tx: Tx, provider: DbProvider, advances: readonly LadderAdvance[]): Promise<Set<number>> {
  // PostgreSQL types a VALUES list from its first row; say each column's type so NULLs and text parameters fit.
  const cast =
    provider === "postgres"
      ? (value: unknown, type: "int" | "ts" | "text") =>
          Prisma.sql`CAST(${value} AS ${Prisma.raw(type === "ts" ? "timestamp(3)" : type === "int" ? "integer" : "text")})`
      : (value: unknown) => Prisma.sql`${value}`;
  const advanced = new Set<number>();
  for (let i = 0; i < advances.length; i += SLICE) {
    const slice = advances.slice(i, i + SLICE);
    const values = slice.map(
      (a) =>
        Prisma.sql`(${cast(a.id, "int")}, ${cast(a.readVersion, "int")}, ${cast(a.readCursor, "ts")}, ${cast(a.cursor, "ts")}, ${cast(a.nextAt, "ts")}, ${cast(a.nextStep, "text")})`,
    );
    const rows = await tx.$queryRaw<{ id: number | bigint }[]>`
      WITH v ("id", "readVersion", "readCursor", "cursor", "nextAt", "nextStep") AS (VALUES ${Prisma.join(values)})
      UPDATE "Assignment" SET "escalationCursor" = v."cursor", "nextEscalationAt" = v."nextAt", "nextEscalationStep" = v."nextStep",
             "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL
      FROM v
      WHERE "Assignment"."id" = v."id" AND "Assignment"."version" = v."readVersion"
        AND COALESCE("Assignment"."escalationCursor", "Assignment"."publishedAt") = v."readCursor"
        -- The id list again, so that SQLite looks the rows up by key rather than scanning the table for the join.
        AND "Assignment"."id" IN (${Prisma.join(slice.map((a) => a.id))})
      RETURNING "Assignment"."id"`;
    for (const row of rows) advanced.add(Number(row.id));
  }
  return advanced;
}
