import { Prisma, providerOfClient, type DbProvider, type Tx } from "../client.js";
import { rawExecute } from "../raw.js";
import type { AssignmentStatus } from "../../domain/vocabulary.js";

/** The columns an action may set on an assignment besides its status. */
export interface AssignmentChanges {
  acknowledgedAt?: Date;
  lastProgressAt?: Date;
  reportedDoneAt?: Date;
  percent?: number;
  blockedReason?: string | null;
}

/** Named in SQL from this fixed list only, never from what a caller passes. */
const CHANGE_COLUMNS = [
  "acknowledgedAt",
  "lastProgressAt",
  "reportedDoneAt",
  "percent",
  "blockedReason",
] as const satisfies readonly (keyof AssignmentChanges)[];

/**
 * The escalation ladder re-planned with the change (services/escalation/plan.ts), from the row as
 * read: stored only if the deadline is still `readDeadline` (the status is checked anyway), so a
 * plan is never stored over a deadline or status it was not computed from. Not the version: a
 * colleague's note on the same item bumps it, and what a note changes (lastProgressAt) can only
 * make the right next rung later than the one stored, and a pass that wakes early re-plans from
 * what it reads and sends nothing the item no longer calls for.
 */
export interface LadderReplan {
  readDeadline: Date | null;
  nextAt: Date | null;
  nextStep: string | null;
}

/**
 * Moves an assignment from `from` to `to` with its changed columns; 0 rows when its status is no
 * longer `from` (someone else changed it meanwhile) or, with `ladder`, when its deadline moved. With `ladder` the same statement stores the re-planned ladder (the cursor at
 * `now`, the next rung, no lease), which otherwise took a read and a write more in the
 * transaction. Plain SQL: it is on the path of every press and reply, where Prisma's cost per
 * query is what limits the bot (see bench/inbound.ts).
 */
export async function updateAssignmentStatus(
  tx: Tx,
  id: number,
  from: AssignmentStatus,
  to: AssignmentStatus,
  now: Date,
  changes: AssignmentChanges = {},
  ladder?: LadderReplan,
): Promise<number> {
  return rawExecute(tx, assignmentStatusUpdate(providerOfClient(tx), { id, from, to, now, changes, ladder }));
}

/** What `updateAssignmentStatus` moves: `guard`, when set, is one more condition of its WHERE. */
export interface StatusMove {
  id: number;
  from: AssignmentStatus;
  to: AssignmentStatus;
  now: Date;
  changes?: AssignmentChanges;
  ladder?: LadderReplan | undefined;
  guard?: Prisma.Sql;
}

/**
 * The UPDATE of `updateAssignmentStatus`, as a piece of SQL: the PostgreSQL statement that
 * applies an agency action at once (apply-agency-action.ts) runs the same one inside its CTE.
 */
export function assignmentStatusUpdate(provider: DbProvider, move: StatusMove): Prisma.Sql {
  const { id, from, to, now, changes = {}, ladder, guard } = move;
  const columns = CHANGE_COLUMNS.filter((column) => changes[column] !== undefined).map(
    (column) => Prisma.sql`, ${Prisma.raw(`"${column}"`)} = ${changes[column]}`,
  );
  const plan = ladder
    ? Prisma.sql`, "escalationCursor" = ${now}, "nextEscalationAt" = ${ladder.nextAt}, "nextEscalationStep" = ${ladder.nextStep},
           "escalationLeasedBy" = NULL, "escalationLeaseUntil" = NULL`
    : Prisma.empty;
  // NULL = NULL is not true: SQLite says IS, PostgreSQL IS NOT DISTINCT FROM.
  const same = provider === "sqlite" ? Prisma.raw("IS") : Prisma.raw("IS NOT DISTINCT FROM");
  const sameDeadline = ladder ? Prisma.sql` AND "deadline" ${same} ${ladder.readDeadline}` : Prisma.empty;
  return Prisma.sql`
    UPDATE "Assignment" SET "status" = ${to}, "version" = "version" + 1, "updatedAt" = ${now}${columns.length > 0 ? Prisma.join(columns, "") : Prisma.empty}${plan}
    WHERE "id" = ${id} AND "status" = ${from}${sameDeadline}${guard ? Prisma.sql` AND ${guard}` : Prisma.empty}`;
}
