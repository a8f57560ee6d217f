import { Prisma, type Db } from "../client.js";
import { rawExecute } from "../raw.js";
import type { OutboxStatus } from "../../domain/vocabulary.js";

const SENT: OutboxStatus = "sent";

/**
 * Records that an outbox message went out, and releases its lease: the write after every send,
 * so plain SQL (group-committed on SQLite with the other writes of its turn, raw.ts): a delivery
 * at the platform's rate is one such write per message.
 */
export async function markOutboxSent(db: Db, row: { id: number; attempts: number }, messageId: string | null, at: Date): Promise<void> {
  await rawExecute(
    db,
    Prisma.sql`
    UPDATE "OutboxMessage"
    SET "status" = ${SENT}, "sentAt" = ${at}, "messageId" = ${messageId}, "attempts" = ${row.attempts + 1},
        "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${at}
    WHERE "id" = ${row.id}`,
  );
}
