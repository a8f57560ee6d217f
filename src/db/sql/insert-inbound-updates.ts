import { Prisma, type Db } from "../client.js";
import { rawQuery } from "../raw.js";

export interface InboundUpdateRow {
  platform: string;
  botId: string;
  updateId: number;
  /** Goes in as a JSON parameter (JSONB on PostgreSQL, text on SQLite), as Prisma would store it. */
  payload: object;
  receivedAt: Date;
  /** The instance storing it (see InboundUpdate.instanceId). */
  instanceId: string;
}

/**
 * Stores a batch of updates in one statement and returns the ids of those that were new: a
 * conflict on (platform, botId, updateId) means another delivery (or another instance) stored it
 * first. Runs for every update, so plain SQL. Same on both databases.
 */
export async function insertInboundUpdates(db: Db, rows: readonly InboundUpdateRow[]): Promise<Set<number>> {
  const values = rows.map((r) => Prisma.sql`(${r.platform}, ${r.botId}, ${r.updateId}, ${r.payload}, ${r.receivedAt}, ${r.instanceId})`);
  const stored = await rawQuery<{ updateId: number | bigint }>(
    db,
    Prisma.sql`
    INSERT INTO "InboundUpdate" ("platform", "botId", "updateId", "payload", "receivedAt", "instanceId") VALUES ${Prisma.join(values)}
    ON CONFLICT ("platform", "botId", "updateId") DO NOTHING
    RETURNING "updateId"`,
  );
  return new Set(stored.map((row) => Number(row.updateId)));
}
