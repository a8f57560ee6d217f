import { Prisma, type Tx } from "../client.js";
import type { OutboxStatus } from "../../domain/vocabulary.js";

const PENDING: OutboxStatus = "pending";

/**
 * Deletes the edits of these live views (by topic) that are still waiting and not claimed by a
 * dispatcher, in every chat: newer edits replace them (services/notifications.ts). One statement.
 */
export async function deletePendingEdits(tx: Tx, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM "OutboxMessage"
    WHERE "topic" IN (${Prisma.join([...new Set(topics)])}) AND "status" = ${PENDING} AND "claimedBy" IS NULL
      AND "method" = 'editMessageText'`;
}
