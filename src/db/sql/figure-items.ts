/**
 * The assignments and weekly reports a committee's figures read, each set as ONE JSON value built
 * by the database (`json_group_array` on SQLite, `json_agg` on PostgreSQL) and parsed once here:
 * Prisma's per-row handling of 20,000 assignments and 23,400 reports cost most of the figures'
 * time (the read-side counterpart of json-rows.ts). Each row is an array, columns in a fixed order;
 * the shape is checked once per set (row width, and the types of the first row), not per row.
 */
import { Prisma, type DbProvider, type Tx, providerOfClient } from "../client.js";
import { decodeInstant } from "./decode.js";

export interface FigureAssignmentRow {
  id: number;
  resolutionId: number;
  agencyId: number;
  status: string;
  percent: number;
  deadline: Date | null;
  reportedDoneAt: Date | null;
  doneAt: Date | null;
}

export interface FigureSubmissionRow {
  cycleId: number;
  agencyId: number;
  late: boolean;
  answers: Prisma.JsonValue;
}

type ColumnType = "int" | "text" | "instant" | "bool" | "json";

/** Rows of `width` columns, checked once: an array of arrays, each of that width, the first of those types. */
function rowsOf(text: unknown, what: string, types: readonly ColumnType[]): unknown[][] {
  const rows: unknown = typeof text === "string" ? JSON.parse(text) : (text ?? []);
  if (!Array.isArray(rows)) throw new Error(`${what}: expected a JSON array of rows`);
  for (const row of rows)
    if (!Array.isArray(row) || row.length !== types.length) throw new Error(`${what}: expected rows of ${types.length} columns`);
  const first = rows[0] as unknown[] | undefined;
  if (first)
    types.forEach((type, i) => {
      const v = first[i];
      const ok =
        type === "json" ||
        (v === null && type !== "int" && type !== "bool") ||
        (type === "int" && Number.isInteger(v)) ||
        (type === "text" && typeof v === "string") ||
        (type === "instant" && (typeof v === "string" || typeof v === "number")) ||
        (type === "bool" && (typeof v === "boolean" || v === 0 || v === 1));
      if (!ok) throw new Error(`${what}: column ${i} is not ${type} (${JSON.stringify(v)})`);
    });
  return rows as unknown[][];
}

const ASSIGNMENT_TYPES = ["int", "int", "int", "text", "int", "instant", "instant", "instant"] as const;
const SUBMISSION_TYPES = ["int", "int", "bool", "json"] as const;

function assignmentsSql(provider: DbProvider, committeeId: number): Prisma.Sql {
  const columns = Prisma.raw(
    `a."id", a."resolutionId", a."agencyId", a."status", a."percent", a."deadline", a."reportedDoneAt", a."doneAt"`,
  );
  const from = Prisma.sql`FROM "Assignment" a JOIN "Resolution" r ON r."id" = a."resolutionId" JOIN "Meeting" m ON m."id" = r."meetingId"
    WHERE m."committeeId" = ${committeeId}`;
  return provider === "postgres"
    ? Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(${columns}) ORDER BY a."id"), '[]') AS text) AS "rows" ${from}`
    : // json_group_array keeps the order of the sub-query's rows.
      Prisma.sql`SELECT json_group_array(json_array(${Prisma.raw(`"id", "resolutionId", "agencyId", "status", "percent", "deadline", "reportedDoneAt", "doneAt"`)})) AS "rows"
      FROM (SELECT ${columns} ${from} ORDER BY a."id")`;
}

function submissionsSql(provider: DbProvider, committeeId: number): Prisma.Sql {
  const from = Prisma.sql`FROM "WeeklyReportSubmission" s JOIN "WeeklyReportCycle" c ON c."id" = s."cycleId" WHERE c."committeeId" = ${committeeId}`;
  return provider === "postgres"
    ? Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(s."cycleId", s."agencyId", s."late", s."answers") ORDER BY s."id"), '[]') AS text) AS "rows" ${from}`
    : // answers is JSON text on SQLite: json() embeds it as a value, not a string.
      Prisma.sql`SELECT json_group_array(json_array("cycleId", "agencyId", "late", json("answers"))) AS "rows"
      FROM (SELECT s."cycleId", s."agencyId", s."late", s."answers" ${from} ORDER BY s."id")`;
}

/** A committee's assignments, by id, with the columns the figures read. */
export async function figureAssignmentRows(db: Tx, committeeId: number): Promise<FigureAssignmentRow[]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(assignmentsSql(providerOfClient(db), committeeId));
  return rowsOf(result?.rows, "figureAssignmentRows", ASSIGNMENT_TYPES).map((r) => ({
    id: r[0] as number,
    resolutionId: r[1] as number,
    agencyId: r[2] as number,
    status: r[3] as string,
    percent: r[4] as number,
    deadline: decodeInstant(r[5]),
    reportedDoneAt: decodeInstant(r[6]),
    doneAt: decodeInstant(r[7]),
  }));
}

/** Every weekly report of a committee's cycles, by id, with the columns the figures read. */
export async function figureSubmissionRows(db: Tx, committeeId: number): Promise<FigureSubmissionRow[]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(submissionsSql(providerOfClient(db), committeeId));
  return rowsOf(result?.rows, "figureSubmissionRows", SUBMISSION_TYPES).map((r) => ({
    cycleId: r[0] as number,
    agencyId: r[1] as number,
    late: r[2] === true || r[2] === 1,
    answers: r[3] as Prisma.JsonValue,
  }));
}
