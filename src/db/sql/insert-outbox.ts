/**
 * Inserts outbox rows with one multi-row INSERT per slice. Prisma's createMany spent about half a
 * second on a scheduler pass's 1,000 messages; this takes a few milliseconds. The timestamps are
 * bound as parameters (not the database's CURRENT_TIMESTAMP), so each database keeps the DateTime
 * representation Prisma reads and compares.
 */
import { Prisma, type DbProvider, type Tx } from "../client.js";

export interface OutboxRow {
  platform: string;
  chatId: string;
  identityId: number | null;
  method: string;
  payload: object;
  topic: string | null;
  dedupeKey: string | null;
  notBefore: Date;
  claimedBy: string | null;
  claimedUntil: Date | null;
}

/** Rows per statement: 12 parameters each, under SQLite's 999. */
const SLICE = 80;

export async function insertOutboxRows(tx: Tx, provider: DbProvider, rows: readonly OutboxRow[]): Promise<void> {
  // What Prisma's @default(now()) and @updatedAt would write: the wall clock.
  const now = new Date();
  const json = (value: object) =>
    provider === "postgres" ? Prisma.sql`CAST(${JSON.stringify(value)} AS jsonb)` : Prisma.sql`${JSON.stringify(value)}`;
  for (let i = 0; i < rows.length; i += SLICE) {
    const values = rows
      .slice(i, i + SLICE)
      .map(
        (r) =>
          Prisma.sql`(${r.platform}, ${r.chatId}, ${r.identityId}, ${r.method}, ${json(r.payload)}, ${r.topic}, ${r.dedupeKey}, ${r.notBefore}, ${r.claimedBy}, ${r.claimedUntil}, ${now}, ${now})`,
      );
    await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("platform", "chatId", "identityId", "method", "payload", "topic", "dedupeKey", "notBefore", "claimedBy", "claimedUntil", "createdAt", "updatedAt")
      VALUES ${Prisma.join(values)}`;
  }
}
