/**
 * The rows of a committee's workbook that are many: its assignments with the sheets' columns, its
 * weekly reports with every answer, and its assignments' progress updates, each set ONE JSON value
 * built by the database and parsed once (as figure-items.ts does for the figures): through Prisma,
 * its per-row handling of these 63,000 rows was most of the workbook's loading time.
 */
import { Prisma, type Tx, providerOfClient } from "../client.js";
import { type JsonRowColumn, asBool, decodeInstant, jsonRowsOf } from "./decode.js";
import { jsonRowSetSql } from "./json-rows.js";
import { FIGURE_ASSIGNMENT_TYPES, type FigureAssignmentRow, figureAssignmentOf } from "./figure-items.js";

export interface ExportAssignmentRow extends FigureAssignmentRow {
  role: string;
  publishedAt: Date;
  acknowledgedAt: Date | null;
  cancelledAt: Date | null;
  lastProgressAt: Date | null;
  blockedReason: string | null;
}

export interface ExportSubmissionRow {
  cycleId: number;
  agencyId: number;
  submittedAt: Date;
  late: boolean;
  edited: boolean;
  personId: number | null;
  answers: Prisma.JsonValue;
}

export interface ExportProgressRow {
  assignmentId: number;
  createdAt: Date;
  kind: string;
  text: string | null;
  percent: number | null;
  personId: number | null;
}

async function rowsOf(db: Tx, set: Prisma.Sql, what: string, types: readonly JsonRowColumn[]): Promise<unknown[][]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(Prisma.sql`SELECT (${set}) AS "rows"`);
  return jsonRowsOf(result?.rows, what, types);
}

/** The committee's resolutions, as a set to look in. */
const resolutionsOf = (committeeId: number) =>
  Prisma.sql`SELECT r."id" FROM "Resolution" r JOIN "Meeting" m ON m."id" = r."meetingId" WHERE m."committeeId" = ${committeeId}`;

/**
 * A committee's assignments, in no particular order (the sheets sort them, the figures do not
 * depend on it), with the columns of the figures and of the workbook's sheets.
 */
export async function exportAssignmentRows(db: Tx, committeeId: number): Promise<ExportAssignmentRow[]> {
  const columns = `"id", "resolutionId", "agencyId", "status", "percent", "deadline", "reportedDoneAt", "doneAt",
    "role", "publishedAt", "acknowledgedAt", "cancelledAt", "lastProgressAt", "blockedReason"`;
  const from = Prisma.sql`SELECT ${Prisma.raw(columns)} FROM "Assignment" WHERE "resolutionId" IN (${resolutionsOf(committeeId)})`;
  const types: JsonRowColumn[] = [...FIGURE_ASSIGNMENT_TYPES, "text", "instant", "instant", "instant", "instant", "text"];
  const rows = await rowsOf(db, jsonRowSetSql(providerOfClient(db), columns, from), "exportAssignmentRows", types);
  return rows.map((r) => ({
    ...figureAssignmentOf(r),
    role: r[8] as string,
    publishedAt: decodeInstant(r[9])!,
    acknowledgedAt: decodeInstant(r[10]),
    cancelledAt: decodeInstant(r[11]),
    lastProgressAt: decodeInstant(r[12]),
    blockedReason: r[13] as string | null,
  }));
}

/** Every weekly report of a committee's cycles, by id, with all its answers. */
export async function exportSubmissionRows(db: Tx, committeeId: number): Promise<ExportSubmissionRow[]> {
  const provider = providerOfClient(db);
  // The answers embedded as JSON values: jsonb on PostgreSQL, JSON text on SQLite (json() parses it).
  const answers = provider === "postgres" ? `"answers"` : `json("answers")`;
  const columns = `"cycleId", "agencyId", "submittedAt", "late", "edited", "personId", ${answers}`;
  const from = Prisma.sql`SELECT s."id", s."cycleId", s."agencyId", s."submittedAt", s."late", s."edited", s."personId", s."answers"
    FROM "WeeklyReportSubmission" s JOIN "WeeklyReportCycle" c ON c."id" = s."cycleId" WHERE c."committeeId" = ${committeeId}`;
  const types: JsonRowColumn[] = ["int", "int", "instant", "bool", "bool", "int?", "json"];
  const rows = await rowsOf(db, jsonRowSetSql(provider, columns, from, `"id"`), "exportSubmissionRows", types);
  return rows.map((r) => ({
    cycleId: r[0] as number,
    agencyId: r[1] as number,
    submittedAt: decodeInstant(r[2])!,
    late: asBool(r[3]),
    edited: asBool(r[4]),
    personId: r[5] as number | null,
    // Parsed with the rows on both databases (embedded as a JSON value, not as text).
    answers: r[6] as Prisma.JsonValue,
  }));
}

/** The progress updates of a committee's assignments, by assignment, oldest first. */
export async function exportProgressRows(db: Tx, committeeId: number): Promise<ExportProgressRow[]> {
  const columns = `"assignmentId", "createdAt", "kind", "text", "percent", "personId"`;
  const from = Prisma.sql`SELECT "id", ${Prisma.raw(columns)} FROM "ProgressUpdate" WHERE "assignmentId" IN
    (SELECT a."id" FROM "Assignment" a WHERE a."resolutionId" IN (${resolutionsOf(committeeId)}))`;
  const types: JsonRowColumn[] = ["int", "instant", "text", "text", "int?", "int?"];
  const sql = jsonRowSetSql(providerOfClient(db), columns, from, `"assignmentId", "createdAt", "id"`);
  const rows = await rowsOf(db, sql, "exportProgressRows", types);
  return rows.map((r) => ({
    assignmentId: r[0] as number,
    createdAt: decodeInstant(r[1])!,
    kind: r[2] as string,
    text: r[3] as string | null,
    percent: r[4] as number | null,
    personId: r[5] as number | null,
  }));
}
