/**
 * A committee's assignments with the columns of the figures and of the workbook's sheets, as ONE
 * JSON value built by the database and parsed once (json-rows.ts's readJsonRowSet): through
 * Prisma, its per-row handling of 20,000 assignments was much of the workbook's loading time.
 */
import { Prisma, type Tx } from "../client.js";
import { committeeResolutionIds } from "./committee-resolution-ids.js";
import type { JsonRowColumn } from "./decode.js";
import { FIGURE_ASSIGNMENT_COLUMNS } from "./figure-assignment-rows.js";
import { columnList, readJsonRowSet } from "./json-rows.js";

/** The figures' columns of an assignment (first, as in the figures' rows), then the sheets'. */
export const EXPORT_ASSIGNMENT_COLUMNS = {
  ...FIGURE_ASSIGNMENT_COLUMNS,
  role: "text",
  publishedAt: "instant",
  acknowledgedAt: "instant",
  cancelledAt: "instant",
  lastProgressAt: "instant",
  blockedReason: "text",
} as const satisfies Partial<Record<Prisma.AssignmentScalarFieldEnum, JsonRowColumn>>;

/** An assignment's columns of EXPORT_ASSIGNMENT_COLUMNS, typed as the model has them. */
export type ExportAssignmentRow = Prisma.AssignmentGetPayload<{ select: Record<keyof typeof EXPORT_ASSIGNMENT_COLUMNS, true> }>;

/**
 * A committee's assignments, in no particular order (the sheets sort them, the figures do not
 * depend on it), with the columns of the figures and of the workbook's sheets.
 */
export async function exportAssignmentRows(db: Tx, committeeId: number): Promise<ExportAssignmentRow[]> {
  const from = Prisma.sql`SELECT ${Prisma.raw(columnList(EXPORT_ASSIGNMENT_COLUMNS))} FROM "Assignment"
    WHERE "resolutionId" IN (${committeeResolutionIds(committeeId)})`;
  return readJsonRowSet<ExportAssignmentRow>(db, "exportAssignmentRows", EXPORT_ASSIGNMENT_COLUMNS, from);
}
