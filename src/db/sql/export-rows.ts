/**
 * The rows of a committee's workbook that Prisma cannot select by relation: the audit rows of its
 * assignments, and their escalations, each in one query. (The assignments, their updates and the
 * weekly reports, many more rows, are read as JSON sets: export-items.ts.)
 */
import { Prisma, type Tx } from "../client.js";
import { decodeInstant } from "./decode.js";

export interface ExportStatusAuditRow {
  assignmentId: number;
  at: Date;
  actorKind: string;
  actorId: number | null;
  data: unknown;
}

/**
 * The audit rows of the committee's assignments, oldest first (the status changes are among them).
 * Audit rows name their entity by id in a text column, without a relation: joined here on the
 * assignment's id as text, where Prisma needed one query per slice of 500 ids.
 */
export async function exportAuditRows(db: Tx, committeeId: number): Promise<ExportStatusAuditRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT l."entityId", l."at", l."actorKind", l."actorId", l."data"
    FROM "AuditLog" l
    JOIN "Assignment" a ON l."entity" = 'Assignment' AND l."entityId" = CAST(a."id" AS TEXT)
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY l."at", l."id"`);
  return rows.map((row) => ({
    assignmentId: Number(row.entityId),
    at: decodeInstant(row.at)!,
    actorKind: String(row.actorKind),
    actorId: row.actorId === null || row.actorId === undefined ? null : Number(row.actorId),
    // JSON text from SQLite, parsed already from PostgreSQL.
    data: typeof row.data === "string" ? JSON.parse(row.data) : row.data,
  }));
}

export interface ExportEscalationRow {
  assignmentId: number;
  firedAt: Date;
  step: string;
  outcome: string;
}

/** The escalations fired for the committee's assignments, each assignment's oldest first. */
export async function exportEscalationRows(db: Tx, committeeId: number): Promise<ExportEscalationRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT e."assignmentId", e."firedAt", e."step", e."outcome"
    FROM "EscalationEvent" e
    JOIN "Assignment" a ON a."id" = e."assignmentId"
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY e."assignmentId", e."firedAt", e."id"`);
  return rows.map((row) => ({
    assignmentId: Number(row.assignmentId),
    firedAt: decodeInstant(row.firedAt)!,
    step: String(row.step),
    outcome: String(row.outcome),
  }));
}
