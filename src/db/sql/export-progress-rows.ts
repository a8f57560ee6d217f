/**
 * The progress updates of a committee's assignments, for the workbook's history, as ONE JSON value
 * built by the database and parsed once (json-rows.ts's readJsonRowSet).
 */
import { Prisma, type Tx } from "../client.js";
import { committeeResolutionIds } from "./committee-resolution-ids.js";
import type { JsonRowColumn } from "./decode.js";
import { columnList, readJsonRowSet } from "./json-rows.js";

/** The columns of a progress update the workbook shows, in their order in the JSON row, with their types. */
const EXPORT_PROGRESS_COLUMNS = {
  assignmentId: "int",
  createdAt: "instant",
  kind: "text",
  text: "text",
  percent: "int?",
  personId: "int?",
} as const satisfies Partial<Record<Prisma.ProgressUpdateScalarFieldEnum, JsonRowColumn>>;

/** A progress update's columns of EXPORT_PROGRESS_COLUMNS, typed as the model has them. */
export type ExportProgressRow = Prisma.ProgressUpdateGetPayload<{ select: Record<keyof typeof EXPORT_PROGRESS_COLUMNS, true> }>;

/** The progress updates of a committee's assignments, by assignment, oldest first. */
export async function exportProgressRows(db: Tx, committeeId: number): Promise<ExportProgressRow[]> {
  const from = Prisma.sql`SELECT "id", ${Prisma.raw(columnList(EXPORT_PROGRESS_COLUMNS))} FROM "ProgressUpdate" WHERE "assignmentId" IN
    (SELECT a."id" FROM "Assignment" a WHERE a."resolutionId" IN (${committeeResolutionIds(committeeId)}))`;
  return readJsonRowSet<ExportProgressRow>(db, "exportProgressRows", EXPORT_PROGRESS_COLUMNS, from, {
    order: `"assignmentId", "createdAt", "id"`,
  });
}
