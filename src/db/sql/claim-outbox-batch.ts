/**
 * Claims a batch of outbox rows for one dispatcher, with a lease, in ONE statement, and returns
 * them. Only the head of a chat's queue is claimable (no older pending row of that chat, claimed
 * or not), so a chat's messages leave one at a time and in order, across dispatchers too. On
 * PostgreSQL, FOR UPDATE SKIP LOCKED lets two instances claim disjoint batches at once, and the
 * lease condition is repeated outside the sub-select so a row taken meanwhile is left; SQLite has
 * one writer, so its UPDATE … RETURNING of the chosen rows is the same claim without the lock.
 * With `sharedChatPace` (PostgreSQL, several instances) a chat whose ChatPace instant has not come
 * is left out too (one key lookup per candidate, db/sql/space-chat-sends.ts), so that no instance
 * sends to a chat within its gap after another's send; SQLite paces chats in memory instead.
 */
import type { OutboxStatus } from "../../domain/vocabulary.js";
import { Prisma, type DbProvider, type Tx } from "../client.js";
import { sqlList } from "./vocabulary.js";

const PENDING: OutboxStatus = "pending";

export interface OutboxClaim {
  platform: string;
  now: Date;
  owner: string;
  leaseUntil: Date;
  limit: number;
  /** Chats not to claim now (a send under way, or waiting out their pace). */
  skipChats: readonly string[];
  /** Leave out chats whose shared pace (ChatPace, the database's clock) has not passed. PostgreSQL only. */
  sharedChatPace?: boolean;
}

export interface ClaimedOutboxRow {
  id: number;
  chatId: string;
  method: string;
  payload: unknown;
  attempts: number;
  identityId: number | null;
}

export async function claimOutboxBatch(db: Tx, provider: DbProvider, c: OutboxClaim): Promise<ClaimedOutboxRow[]> {
  // SQLite's planner, without ANALYZE's statistics, prefers (status, notBefore): every due row,
  // each checked for an older one of its chat, then sorted (~50 ms at 40,000 pending rows). Walking
  // (platform, status, id) in queue order stops at the limit. PostgreSQL picks it from its statistics.
  const walk = provider === "sqlite" ? Prisma.sql`INDEXED BY "OutboxMessage_platform_status_id_idx"` : Prisma.empty;
  const lock = provider === "postgres" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const skip = c.skipChats.length ? Prisma.sql`AND o."chatId" NOT IN (${sqlList(c.skipChats)})` : Prisma.empty;
  if (c.sharedChatPace && provider !== "postgres") throw new Error("claimOutboxBatch: the shared chat pace is PostgreSQL's");
  const paced = c.sharedChatPace
    ? Prisma.sql`AND NOT EXISTS (
          SELECT 1 FROM "ChatPace" p
          WHERE p."platform" = o."platform" AND p."chatId" = o."chatId" AND p."nextAt" > (clock_timestamp() AT TIME ZONE 'UTC'))`
    : Prisma.empty;
  const rows = await db.$queryRaw<ClaimedOutboxRow[]>`
    UPDATE "OutboxMessage" SET "claimedBy" = ${c.owner}, "claimedUntil" = ${c.leaseUntil}, "updatedAt" = ${c.now}
    WHERE "id" IN (
      SELECT o."id" FROM "OutboxMessage" o ${walk}
      WHERE o."platform" = ${c.platform} AND o."status" = ${PENDING} AND o."notBefore" <= ${c.now}
        AND (o."claimedUntil" IS NULL OR o."claimedUntil" < ${c.now}) ${skip} ${paced}
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e."platform" = o."platform" AND e."chatId" = o."chatId" AND e."status" = ${PENDING} AND e."id" < o."id")
      ORDER BY o."id" LIMIT ${c.limit} ${lock})
    AND ("claimedUntil" IS NULL OR "claimedUntil" < ${c.now})
    RETURNING "id", "chatId", "method", "payload", "attempts", "identityId"`;
  return rows
    .map((r) => ({
      id: Number(r.id),
      chatId: r.chatId,
      method: r.method,
      // SQLite keeps Json as text; PostgreSQL's jsonb comes back parsed.
      payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as unknown) : r.payload,
      attempts: Number(r.attempts),
      identityId: r.identityId === null ? null : Number(r.identityId),
    }))
    .sort((a, b) => a.id - b.id);
}
