/**
 * The weekly-report cycles' schedule, as the assignments' (claim-due-assignments.ts,
 * advance-ladder.ts): claim the due cycles with a lease in ONE statement (FOR UPDATE SKIP LOCKED on
 * PostgreSQL), and advance a cycle only if it is still as the pass read it.
 */
import { Prisma, type DbProvider, type Tx } from "../client.js";
import type { ClaimRequest } from "./claim-due-assignments.js";

/** Claims up to `limit` cycles whose next step is due; returns their ids. Uses the (nextActionAt) index. */
export async function claimDueCycles(db: Tx, provider: DbProvider, r: ClaimRequest): Promise<number[]> {
  const lock = provider === "postgres" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: number }[]>`
    UPDATE "WeeklyReportCycle" SET "leasedBy" = ${r.owner}, "leaseUntil" = ${r.leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "WeeklyReportCycle"
      WHERE "nextActionAt" <= ${r.now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${r.now})
      ORDER BY "nextActionAt" LIMIT ${r.limit} ${lock})
    AND ("leaseUntil" IS NULL OR "leaseUntil" < ${r.now} OR "leasedBy" = ${r.owner})
    RETURNING "id"`;
  return rows.map((row) => Number(row.id));
}

/** Ids of the cycles whose next step is due, without claiming them (a dry run). */
export async function dueCycleIds(db: Tx, now: Date, limit: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "WeeklyReportCycle" WHERE "nextActionAt" <= ${now} ORDER BY "nextActionAt" LIMIT ${limit}`;
  return rows.map((row) => Number(row.id));
}

export interface CycleAdvance {
  id: number;
  /** The cursor as read: the stored one, or the cycle's creation when it has none yet. */
  readCursor: Date;
  cursor: Date;
  nextAt: Date | null;
  nextStep: string | null;
  /** Set once: when its opening prompt went out. */
  openedAt: Date | null;
  /** Set once: when its last step was handled. */
  closedAt: Date | null;
}

/** Stores the cycle's cursor and next step, releases its lease; false when another pass advanced it meanwhile. */
export async function advanceCycle(tx: Tx, a: CycleAdvance): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "WeeklyReportCycle" SET "actionCursor" = ${a.cursor}, "nextActionAt" = ${a.nextAt}, "nextActionStep" = ${a.nextStep},
           "leasedBy" = NULL, "leaseUntil" = NULL,
           "openedAt" = COALESCE("openedAt", ${a.openedAt}), "closedAt" = COALESCE("closedAt", ${a.closedAt})
    WHERE "id" = ${a.id} AND COALESCE("actionCursor", "createdAt") = ${a.readCursor}`;
  return count === 1;
}
