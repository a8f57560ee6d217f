/**
 * The rows of one committee the figures read besides its assignments and reports
 * (figure-assignment-rows.ts, figure-submission-rows.ts): the committee with its agencies, its
 * resolutions with their meeting, its deadline changes counted per resolution and assignment, and
 * its weekly-report cycles: ONE statement, one row, each column a JSON array of rows built by the
 * database (as in figure-assignment-rows.ts) and decoded by jsonRowsOf.
 * Through Prisma these were four queries, and Prisma's handling of a county's year of 4,000
 * resolutions alone cost about as much as reading all 20,000 assignments this way.
 */
import { Prisma, type DbProvider, type Tx, providerOfClient } from "../client.js";
import { asJson, decodeInstant, jsonRowsOf } from "./decode.js";
import { jsonRowSetSql } from "./json-rows.js";

export interface FigureCommitteeRow {
  id: number;
  code: string;
  name: string;
  calendar: Prisma.JsonValue;
  weeklyReportTemplate: Prisma.JsonValue | null;
  quotas: Prisma.JsonValue | null;
  /** The committee's agencies, by id. */
  agencies: { id: number; code: string; name: string }[];
}

export interface FigureResolutionRow {
  id: number;
  number: number;
  text: string;
  kind: string;
  meeting: { number: string; heldOn: Date };
}

/** How many deadline changes a resolution had, for one agency's assignment or (assignmentId null) for all of them. */
export interface FigureDeadlineChangeCount {
  resolutionId: number;
  assignmentId: number | null;
  changes: number;
}

export interface FigureCycleRow {
  id: number;
  period: string;
  opensAt: Date;
  dueAt: Date;
}

export interface FigureRowsOfCommittee {
  committee: FigureCommitteeRow;
  resolutions: FigureResolutionRow[];
  deadlineChanges: FigureDeadlineChangeCount[];
  /** By opening time. */
  cycles: FigureCycleRow[];
}

function figureRowsSql(provider: DbProvider, committeeId: number): Prisma.Sql {
  const pg = provider === "postgres";
  // One set of rows: an array of arrays, in the sub-query's order ([] when it has none), as text.
  const set = (columns: string, from: Prisma.Sql) => Prisma.sql`(${jsonRowSetSql(provider, columns, from)})`;
  const agencies = set(
    `"id", "code", "name"`,
    Prisma.sql`SELECT a."id", a."code", a."name" FROM "CommitteeAgency" ca JOIN "Agency" a ON a."id" = ca."agencyId"
      WHERE ca."committeeId" = ${committeeId} ORDER BY ca."agencyId"`,
  );
  const resolutions = set(
    `"id", "number", "text", "kind", "meetingNumber", "heldOn"`,
    Prisma.sql`SELECT r."id", r."number", r."text", r."kind", m."number" AS "meetingNumber", m."heldOn"
      FROM "Resolution" r JOIN "Meeting" m ON m."id" = r."meetingId" WHERE m."committeeId" = ${committeeId}`,
  );
  const deadlineChanges = set(
    `"resolutionId", "assignmentId", "changes"`,
    Prisma.sql`SELECT d."resolutionId", d."assignmentId", COUNT(*) AS "changes"
      FROM "DeadlineChange" d JOIN "Resolution" r ON r."id" = d."resolutionId" JOIN "Meeting" m ON m."id" = r."meetingId"
      WHERE m."committeeId" = ${committeeId} GROUP BY d."resolutionId", d."assignmentId"`,
  );
  const cycles = set(
    `"id", "period", "opensAt", "dueAt"`,
    Prisma.sql`SELECT c."id", c."period", c."opensAt", c."dueAt" FROM "WeeklyReportCycle" c
      WHERE c."committeeId" = ${committeeId} ORDER BY c."opensAt", c."id"`,
  );
  // The JSON columns embedded as values: jsonb on PostgreSQL, JSON text on SQLite (json() parses it).
  const committee = pg
    ? Prisma.sql`CAST(json_build_array(k."id", k."code", k."name", k."calendar", k."weeklyReportTemplate", k."quotas") AS TEXT)`
    : Prisma.sql`json_array(k."id", k."code", k."name", json(k."calendar"), json(k."weeklyReportTemplate"), json(k."quotas"))`;
  // Each set its own column: nested in one JSON value, SQLite would parse each set's text again.
  return Prisma.sql`SELECT ${committee} AS "committee", ${agencies} AS "agencies", ${resolutions} AS "resolutions",
      ${deadlineChanges} AS "deadlineChanges", ${cycles} AS "cycles"
    FROM "Committee" k WHERE k."id" = ${committeeId}`;
}

/** A committee's rows the figures read besides its assignments and reports; undefined when there is no such committee. */
export async function figureRowsOfCommittee(db: Tx, committeeId: number): Promise<FigureRowsOfCommittee | undefined> {
  const [sets] = await db.$queryRaw<Record<keyof FigureRowsOfCommittee | "agencies", unknown>[]>(
    figureRowsSql(providerOfClient(db), committeeId),
  );
  if (!sets) return undefined;
  const [k] = jsonRowsOf([asJson(sets.committee)], "figureRowsOfCommittee.committee", ["int", "text", "text", "json", "json", "json"]);
  return {
    committee: {
      id: k![0] as number,
      code: k![1] as string,
      name: k![2] as string,
      calendar: k![3] as Prisma.JsonValue,
      weeklyReportTemplate: (k![4] ?? null) as Prisma.JsonValue | null,
      quotas: (k![5] ?? null) as Prisma.JsonValue | null,
      agencies: jsonRowsOf(sets.agencies, "figureRowsOfCommittee.agencies", ["int", "text", "text"]).map((r) => ({
        id: r[0] as number,
        code: r[1] as string,
        name: r[2] as string,
      })),
    },
    resolutions: jsonRowsOf(sets.resolutions, "figureRowsOfCommittee.resolutions", ["int", "int", "text", "text", "text", "instant"]).map(
      (r) => ({
        id: r[0] as number,
        number: r[1] as number,
        text: r[2] as string,
        kind: r[3] as string,
        meeting: { number: r[4] as string, heldOn: decodeInstant(r[5])! },
      }),
    ),
    deadlineChanges: jsonRowsOf(sets.deadlineChanges, "figureRowsOfCommittee.deadlineChanges", ["int", "int?", "int"]).map((r) => ({
      resolutionId: r[0] as number,
      assignmentId: r[1] as number | null,
      changes: r[2] as number,
    })),
    cycles: jsonRowsOf(sets.cycles, "figureRowsOfCommittee.cycles", ["int", "text", "instant", "instant"]).map((r) => ({
      id: r[0] as number,
      period: r[1] as string,
      opensAt: decodeInstant(r[2])!,
      dueAt: decodeInstant(r[3])!,
    })),
  };
}
