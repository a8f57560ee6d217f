/**
 * Takes over, in ONE statement, the updates of one bot stored but not handled for longer than a
 * lease (the instance that stored them died while handling them): their receivedAt becomes now,
 * which is the new lease's start, and their payloads come back, oldest first. Two instances
 * running it at once take each row once: on PostgreSQL the second waits for the first's row
 * lock and then re-reads the condition, which no longer holds; SQLite has one writer.
 */
import type { Update } from "grammy/types";
import type { Tx } from "../client.js";

export interface StaleUpdatesTakeover {
  platform: string;
  botId: string;
  now: Date;
  /** Unfinished updates received before this are taken over. */
  staleBefore: Date;
}

export async function takeOverStaleUpdates(db: Tx, t: StaleUpdatesTakeover): Promise<Update[]> {
  const rows = await db.$queryRaw<{ updateId: number; payload: unknown }[]>`
    UPDATE "InboundUpdate" SET "receivedAt" = ${t.now}
    WHERE "platform" = ${t.platform} AND "botId" = ${t.botId} AND "processedAt" IS NULL AND "receivedAt" < ${t.staleBefore}
    RETURNING "updateId", "payload"`;
  return rows
    .sort((a, b) => Number(a.updateId) - Number(b.updateId))
    .map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Update);
}
