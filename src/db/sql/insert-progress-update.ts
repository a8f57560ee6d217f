import { Prisma, type Tx } from "../client.js";
import { rawQuery } from "../raw.js";

export interface ProgressUpdateRow {
  assignmentId: number;
  personId: number;
  platform: string;
  kind: string;
  text: string | null;
  percent: number | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

/** Writes one ProgressUpdate and returns its id: the write of every progress reply, so plain SQL. */
export async function insertProgressUpdate(tx: Tx, row: ProgressUpdateRow): Promise<number> {
  const [inserted] = await rawQuery<{ id: number }>(tx, progressUpdateInsert(row));
  return inserted!.id;
}

/** The INSERT of `insertProgressUpdate`, returning the row's id (SQLite's agency action runs it in its unit, apply-agency-action.ts). */
export function progressUpdateInsert(row: ProgressUpdateRow): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ProgressUpdate" ("assignmentId", "personId", "platform", "kind", "text", "percent", "idempotencyKey", "createdAt")
    VALUES (${row.assignmentId}, ${row.personId}, ${row.platform}, ${row.kind}, ${row.text}, ${row.percent}, ${row.idempotencyKey}, ${row.createdAt})
    RETURNING "id"`;
}
