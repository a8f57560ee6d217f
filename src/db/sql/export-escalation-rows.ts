/** The escalations fired for a committee's assignments, for the workbook's history, in one query. */
import { Prisma, type Tx } from "../client.js";
import { decodeInstant } from "./decode.js";

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
