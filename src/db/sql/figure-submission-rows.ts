/**
 * The weekly reports of a committee's cycles with the columns the figures read, as ONE JSON value
 * built by the database and parsed once (as figure-assignment-rows.ts reads the assignments):
 * Prisma's per-row handling of a year's 23,400 reports cost most of the figures' time.
 */
import { Prisma, type DbProvider, type Tx, providerOfClient } from "../client.js";
import { type JsonRowColumn, asBool, jsonRowsOf } from "./decode.js";

export interface FigureSubmissionRow {
  cycleId: number;
  agencyId: number;
  late: boolean;
  /** The answers asked for only (figureSubmissionRows' `keys`). */
  answers: Record<string, Prisma.JsonValue>;
}

/**
 * Each report's answers to the given questions only, one column each: the figures add up the
 * number answers, and a year's free-text answers (23,400 Persian summaries) were most of the
 * text the database built and this process parsed.
 */
function figureSubmissionsSql(provider: DbProvider, committeeId: number, keys: readonly string[]): Prisma.Sql {
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

/**
 * Every weekly report of a committee's cycles, by id, with the columns the figures read: its
 * answers to the questions `keys` only (the numeric indicators), an unanswered one left out.
 */
export async function figureSubmissionRows(db: Tx, committeeId: number, keys: readonly string[]): Promise<FigureSubmissionRow[]> {
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(figureSubmissionsSql(providerOfClient(db), committeeId, keys));
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
