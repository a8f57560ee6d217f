/**
 * Claims up to `limit` assignments whose next escalation is due, with a lease, in ONE statement;
 * returns their ids. Uses the (nextEscalationAt) index, so its cost grows with the due rows, not
 * with the table. On PostgreSQL, FOR UPDATE SKIP LOCKED lets two instances claim disjoint batches
 * at once; the lease condition is repeated outside the sub-select so a row taken meanwhile is left.
 */
import { Prisma, type DbProvider, type Tx } from "../client.js";

export interface ClaimRequest {
  now: Date;
  owner: string;
  leaseUntil: Date;
  limit: number;
}

export async function claimDueAssignments(db: Tx, provider: DbProvider, r: ClaimRequest): Promise<number[]> {
  const lock = provider === "postgres" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Assignment" SET "escalationLeasedBy" = ${r.owner}, "escalationLeaseUntil" = ${r.leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "Assignment"
      WHERE "nextEscalationAt" <= ${r.now} AND ("escalationLeaseUntil" IS NULL OR "escalationLeaseUntil" < ${r.now})
      ORDER BY "nextEscalationAt" LIMIT ${r.limit} ${lock})
    AND ("escalationLeaseUntil" IS NULL OR "escalationLeaseUntil" < ${r.now} OR "escalationLeasedBy" = ${r.owner})
    RETURNING "id"`;
  return rows.map((row) => Number(row.id));
}
