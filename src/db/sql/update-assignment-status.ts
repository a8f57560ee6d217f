import { Prisma, type Tx } from "../client.js";
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
 * Moves an assignment from `from` to `to` with its changed columns; 0 rows when its status is no
 * longer `from` (someone else changed it meanwhile). Plain SQL: it is on the path of every press
 * and reply, where Prisma's cost per query is what limits the bot (see bench/inbound.ts).
 */
export async function updateAssignmentStatus(
  tx: Tx,
  id: number,
  from: AssignmentStatus,
  to: AssignmentStatus,
  now: Date,
  changes: AssignmentChanges = {},
): Promise<number> {
  const columns = CHANGE_COLUMNS.filter((column) => changes[column] !== undefined).map(
    (column) => Prisma.sql`, ${Prisma.raw(`"${column}"`)} = ${changes[column]}`,
  );
  return tx.$executeRaw`
    UPDATE "Assignment" SET "status" = ${to}, "version" = "version" + 1, "updatedAt" = ${now}${columns.length > 0 ? Prisma.join(columns, "") : Prisma.empty}
    WHERE "id" = ${id} AND "status" = ${from}`;
}
