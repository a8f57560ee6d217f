/**
 * The audit rows of a committee's assignments, for the workbook's history (the status changes are
 * among them), in one query: Prisma cannot select them by relation.
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
