/**
 * The weekly reports of a committee's cycles with every answer, for the workbook, as ONE JSON
 * value built by the database and parsed once (json-rows.ts's readJsonRowSet).
 */
import { Prisma, type Tx, providerOfClient } from "../client.js";
import type { JsonRowColumn } from "./decode.js";
import { readJsonRowSet } from "./json-rows.js";

/** The columns of a weekly report the workbook shows, in their order in the JSON row, with their types. */
const EXPORT_SUBMISSION_COLUMNS = {
  cycleId: "int",
  agencyId: "int",
  submittedAt: "instant",
  late: "bool",
  edited: "bool",
  personId: "int?",
  answers: "json",
} as const satisfies Partial<Record<Prisma.WeeklyReportSubmissionScalarFieldEnum, JsonRowColumn>>;

/** A weekly report's columns of EXPORT_SUBMISSION_COLUMNS, typed as the model has them. */
export type ExportSubmissionRow = Prisma.WeeklyReportSubmissionGetPayload<{
  select: Record<keyof typeof EXPORT_SUBMISSION_COLUMNS, true>;
}>;

/** Every weekly report of a committee's cycles, by id, with all its answers. */
export async function exportSubmissionRows(db: Tx, committeeId: number): Promise<ExportSubmissionRow[]> {
  const from = Prisma.sql`SELECT s."id", s."cycleId", s."agencyId", s."submittedAt", s."late", s."edited", s."personId", s."answers"
    FROM "WeeklyReportSubmission" s JOIN "WeeklyReportCycle" c ON c."id" = s."cycleId" WHERE c."committeeId" = ${committeeId}`;
  // The answers embedded as JSON values, parsed with the rows: jsonb on PostgreSQL, JSON text on SQLite (json() parses it).
  const expressions: Record<string, string> = providerOfClient(db) === "postgres" ? {} : { answers: `json("answers")` };
  return readJsonRowSet<ExportSubmissionRow>(db, "exportSubmissionRows", EXPORT_SUBMISSION_COLUMNS, from, { order: `"id"`, expressions });
}
