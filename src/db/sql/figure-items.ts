/**
 * The assignments and weekly reports a committee's figures read, each set as ONE JSON value built
 * by the database (`json_group_array` on SQLite, `json_agg` on PostgreSQL) and parsed once here:
 * Prisma's per-row handling of 20,000 assignments and 23,400 reports cost most of the figures'
 * time (the read-side counterpart of json-rows.ts). Each row is an array, columns in a fixed order;
 * the shape is checked once per set (row width, and the types of the first row), not per row.
 */
import { Prisma, type DbProvider, type Tx, providerOfClient } from "../client.js";
import { type JsonRowColumn, asBool, decodeInstant, jsonRowsOf } from "./decode.js";

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
  /** The answers asked for only (figureSubmissionRows' `keys`). */
  answers: Record<string, Prisma.JsonValue>;
}

/** The columns the figures read of an assignment, first in its JSON row (export-items.ts reads more after them). */
export const FIGURE_ASSIGNMENT_TYPES: readonly JsonRowColumn[] = ["int", "int", "int", "text", "int", "instant", "instant", "instant"];

function assignmentsSql(provider: DbProvider, committeeId: number): Prisma.Sql {
  const columns = Prisma.raw(
    `a."id", a."resolutionId", a."agencyId", a."status", a."percent", a."deadline", a."reportedDoneAt", a."doneAt"`,
  );
  // The committee's resolutions as a set to look in, not joined: SQLite then reads the assignments
  // from Assignment_figures_idx alone (it covers these columns), in its order, with no sort: the
  // figures do not depend on the assignments' order (their lists are sorted on ids at the end).
  const from = Prisma.sql`FROM "Assignment" a WHERE a."resolutionId" IN
    (SELECT r."id" FROM "Resolution" r JOIN "Meeting" m ON m."id" = r."meetingId" WHERE m."committeeId" = ${committeeId})`;
  return provider === "postgres"
    ? Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(${columns})), '[]') AS text) AS "rows" ${from}`
    : Prisma.sql`SELECT json_group_array(json_array(${columns})) AS "rows" ${from}`;
}

/**
 * Each report's answers to the given questions only, one column each: the figures add up the
 * number answers, and a year's free-text answers (23,400 Persian summaries) were most of the
 * text the database built and this process parsed.
 */
function submissionsSql(provider: DbProvider, committeeId: number, keys: readonly string[]): Prisma.Sql {
  const from = Prisma.sql`FROM "WeeklyReportSubmission" s JOIN "WeeklyReportCycle" c ON c."id" = s."cycleId" WHERE c."committeeId" = ${committeeId}`;
  // ", <answer 0>, <answer 1>, …" (Prisma.join refuses an empty list).
  const each = (answer: (key: string, i: number) => Prisma.Sql) =>
    keys.length === 0 ? Prisma.empty : Prisma.sql`, ${Prisma.join(keys.map(answer))}`;
  if (provider === "postgres") {
    const answers = each((key) => Prisma.sql`s."answers" -> CAST(${key} AS text)`);
    return Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(s."cycleId", s."agencyId", s."late"${answers}) ORDER BY s."id"), '[]') AS text) AS "rows" ${from}`;
  }
  // A JSON path of one member, quoted: the keys are committee-file keys ([a-z][a-z0-9_]*), bound all the same.
  const answers = each((key, i) => Prisma.sql`json_extract(s."answers", ${`$.${JSON.stringify(key)}`}) AS ${Prisma.raw(`"v${i}"`)}`);
  const names = each((_, i) => Prisma.raw(`"v${i}"`));
  return Prisma.sql`SELECT json_group_array(json_array("cycleId", "agencyId", "late"${names})) AS "rows"
    FROM (SELECT s."cycleId", s."agencyId", s."late"${answers} ${from} ORDER BY s."id")`;
}

/** A committee's assignments, in no particular order, with the columns the figures read. */
export async function figureAssignmentRows(db: Tx, committeeId: number): Promise<FigureAssignmentRow[]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(assignmentsSql(providerOfClient(db), committeeId));
  return jsonRowsOf(result?.rows, "figureAssignmentRows", FIGURE_ASSIGNMENT_TYPES).map(figureAssignmentOf);
}

/** An assignment's figure columns from a JSON row whose first columns are FIGURE_ASSIGNMENT_TYPES. */
export function figureAssignmentOf(r: unknown[]): FigureAssignmentRow {
  return {
    id: r[0] as number,
    resolutionId: r[1] as number,
    agencyId: r[2] as number,
    status: r[3] as string,
    percent: r[4] as number,
    deadline: decodeInstant(r[5]),
    reportedDoneAt: decodeInstant(r[6]),
    doneAt: decodeInstant(r[7]),
  };
}

/**
 * Every weekly report of a committee's cycles, by id, with the columns the figures read: its
 * answers to the questions `keys` only (the numeric indicators), an unanswered one left out.
 */
export async function figureSubmissionRows(db: Tx, committeeId: number, keys: readonly string[]): Promise<FigureSubmissionRow[]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(submissionsSql(providerOfClient(db), committeeId, keys));
  const types: JsonRowColumn[] = ["int", "int", "bool", ...keys.map((): JsonRowColumn => "json")];
  return jsonRowsOf(result?.rows, "figureSubmissionRows", types).map((r) => {
    const answers: Record<string, Prisma.JsonValue> = {};
    keys.forEach((key, i) => {
      const value = r[3 + i] as Prisma.JsonValue | undefined;
      if (value !== null && value !== undefined) answers[key] = value;
    });
    return { cycleId: r[0] as number, agencyId: r[1] as number, late: asBool(r[2]), answers };
  });
}
