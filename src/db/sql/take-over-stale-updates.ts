/**
 * Takes over, in ONE statement, the updates of one bot stored but not handled for longer than a
 * lease (the instance that stored them died while handling them) and, when `own` is set, those
 * this instance itself left unfinished whatever their age (it restarted: nobody else is handling
 * them). Their receivedAt becomes now, which is the new lease's start, their instanceId becomes
 * the taker's, and their payloads come back, oldest first. Two instances running it at once take
 * each row once: on PostgreSQL the second waits for the first's row lock and then re-reads the
 * condition, which no longer holds; SQLite has one writer. Same on both databases.
 */
import type { Update } from "grammy/types";
import { Prisma, type Tx } from "../client.js";

export interface StaleUpdatesTakeover {
  platform: string;
  botId: string;
  now: Date;
  /** Unfinished updates received before this are taken over. */
  staleBefore: Date;
  /** The instance taking them over, written on each row. */
  instanceId: string;
  /**
   * Also take, whatever their age, the unfinished updates carrying `instanceId` (only at start:
   * later, this instance's own unfinished updates are the ones it is handling).
   */
  own: boolean;
}

export async function takeOverStaleUpdates(db: Tx, t: StaleUpdatesTakeover): Promise<Update[]> {
  const own = t.own ? Prisma.sql` OR "instanceId" = ${t.instanceId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ updateId: number; payload: unknown }[]>`
    UPDATE "InboundUpdate" SET "receivedAt" = ${t.now}, "instanceId" = ${t.instanceId}
    WHERE "platform" = ${t.platform} AND "botId" = ${t.botId} AND "processedAt" IS NULL AND ("receivedAt" < ${t.staleBefore}${own})
    RETURNING "updateId", "payload"`;
  return rows
    .sort((a, b) => Number(a.updateId) - Number(b.updateId))
    .map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Update);
}
