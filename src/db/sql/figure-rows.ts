/**
 * Every assignment of a committee as the figures need it, in one query: the resolution and
 * meeting it belongs to and how often its deadline was changed (for this agency, or for the whole
 * resolution). The dashboard's overview reads this for 20,000 assignments, where Prisma's nested
 * selects with relation counts took most of a second.
 */
import { Prisma, type Tx } from "../client.js";

export interface FigureRow {
  id: number;
  agencyId: number;
  status: string;
  percent: number;
  deadline: Date | null;
  reportedDoneAt: Date | null;
  doneAt: Date | null;
  resolutionNumber: number;
  resolutionText: string;
  kind: string;
  meetingNumber: string;
  meetingHeldOn: Date;
  extensions: number;
}

/** A date column as the driver returns it (a Date, epoch milliseconds or an ISO string). */
export const asDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : typeof v === "number" ? new Date(v) : new Date(String(v));

export async function figureRows(db: Tx, committeeId: number): Promise<FigureRow[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT a."id", a."agencyId", a."status", a."percent", a."deadline", a."reportedDoneAt", a."doneAt",
           r."number" AS "resolutionNumber", r."text" AS "resolutionText", r."kind", m."number" AS "meetingNumber", m."heldOn",
           COALESCE(ac."n", 0) + COALESCE(rc."n", 0) AS "extensions"
    FROM "Assignment" a
    JOIN "Resolution" r ON r."id" = a."resolutionId"
    JOIN "Meeting" m ON m."id" = r."meetingId"
    LEFT JOIN (SELECT "assignmentId", COUNT(*) AS "n" FROM "DeadlineChange" WHERE "assignmentId" IS NOT NULL GROUP BY "assignmentId") ac
      ON ac."assignmentId" = a."id"
    LEFT JOIN (SELECT "resolutionId", COUNT(*) AS "n" FROM "DeadlineChange" WHERE "assignmentId" IS NULL GROUP BY "resolutionId") rc
      ON rc."resolutionId" = r."id"
    WHERE m."committeeId" = ${committeeId}
    ORDER BY a."id"`);
  return rows.map((row) => ({
    id: Number(row.id),
    agencyId: Number(row.agencyId),
    status: String(row.status),
    percent: Number(row.percent),
    deadline: asDate(row.deadline),
    reportedDoneAt: asDate(row.reportedDoneAt),
    doneAt: asDate(row.doneAt),
    resolutionNumber: Number(row.resolutionNumber),
    resolutionText: String(row.resolutionText),
    kind: String(row.kind),
    meetingNumber: String(row.meetingNumber),
    meetingHeldOn: asDate(row.heldOn)!,
    extensions: Number(row.extensions),
  }));
}
