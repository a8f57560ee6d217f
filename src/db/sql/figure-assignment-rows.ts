/**
 * A committee's assignments with the columns the figures read, as ONE JSON value built by the
 * database (`json_group_array` on SQLite, `json_agg` on PostgreSQL) and parsed once here:
 * Prisma's per-row handling of 20,000 assignments cost most of the figures' time.
 */
import { Prisma, type Tx, providerOfClient } from "../client.js";
import { committeeResolutionIds } from "./committee-resolution-ids.js";
import { type JsonRowColumn, jsonRowObjectsOf } from "./decode.js";
import { columnList } from "./json-rows.js";

/**
 * The columns of an assignment the figures read, in their order in the JSON row, with their
 * types: the one list the statement's columns and FigureAssignmentRow are made from. They are
 * the leading columns of Assignment_figures_idx, which covers them; export-assignment-rows.ts
 * reads more after them.
 */
export const FIGURE_ASSIGNMENT_COLUMNS = {
  id: "int",
  resolutionId: "int",
  agencyId: "int",
  status: "text",
  percent: "int",
  deadline: "instant",
  reportedDoneAt: "instant",
  doneAt: "instant",
} as const satisfies Partial<Record<Prisma.AssignmentScalarFieldEnum, JsonRowColumn>>;

/** An assignment's columns of FIGURE_ASSIGNMENT_COLUMNS, typed as the model has them. */
export type FigureAssignmentRow = Prisma.AssignmentGetPayload<{ select: Record<keyof typeof FIGURE_ASSIGNMENT_COLUMNS, true> }>;

/** A committee's assignments, in no particular order, with the columns the figures read. */
export async function figureAssignmentRows(db: Tx, committeeId: number): Promise<FigureAssignmentRow[]> {
  const columns = Prisma.raw(columnList(FIGURE_ASSIGNMENT_COLUMNS, "a"));
  // Built here, not by jsonRowSetSql's sub-query: SQLite then reads the assignments from
  // Assignment_figures_idx alone (it covers these columns), in its order, with no sort: the
  // figures do not depend on the assignments' order (their lists are sorted on ids at the end).
  const from = Prisma.sql`FROM "Assignment" a WHERE a."resolutionId" IN (${committeeResolutionIds(committeeId)})`;
  const sql =
    providerOfClient(db) === "postgres"
      ? Prisma.sql`SELECT CAST(COALESCE(json_agg(json_build_array(${columns})), '[]') AS text) AS "rows" ${from}`
      : Prisma.sql`SELECT json_group_array(json_array(${columns})) AS "rows" ${from}`;
  const [result] = await db.$queryRaw<{ rows: unknown }[]>(sql);
  return jsonRowObjectsOf<FigureAssignmentRow>(result?.rows, "figureAssignmentRows", FIGURE_ASSIGNMENT_COLUMNS);
}
