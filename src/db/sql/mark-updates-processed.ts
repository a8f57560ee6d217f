import { Prisma, type Db } from "../client.js";
import { rawExecute } from "../raw.js";

/**
 * Marks a group of handled updates in one statement and drops their payloads (a group commit:
 * one write per update was a large share of the bot's cost under load, bench/inbound.ts).
 * Same on both databases.
 */
export async function markUpdatesProcessed(
  db: Db,
  key: { platform: string; botId: string },
  updateIds: readonly number[],
  at: Date,
): Promise<void> {
  await rawExecute(
    db,
    Prisma.sql`
    UPDATE "InboundUpdate" SET "processedAt" = ${at}, "payload" = NULL
    WHERE "platform" = ${key.platform} AND "botId" = ${key.botId} AND "updateId" IN (${Prisma.join(updateIds)})`,
  );
}
