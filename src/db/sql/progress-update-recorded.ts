import { Prisma, type Db, type Tx } from "../client.js";
import { rawQuery } from "../raw.js";

/**
 * Whether a ProgressUpdate with this idempotency key is recorded: asked before every keyed action
 * (each progress reply is one), so one plain statement on the unique index.
 */
export async function progressUpdateRecorded(db: Db | Tx, idempotencyKey: string): Promise<boolean> {
  const rows = await rawQuery<{ id: number }>(db, Prisma.sql`SELECT "id" FROM "ProgressUpdate" WHERE "idempotencyKey" = ${idempotencyKey}`);
  return rows.length > 0;
}
