/**
 * Keeps one chat's next send at least `gapMs` from now, for every instance on one PostgreSQL
 * database, in ONE statement: the chat's row in ChatPace moves to the database's now plus the
 * gap, never earlier than it already was (a 429 hold is kept), and is made on first use. Written
 * after the platform answered a send and before the row is recorded, so the chat's next message,
 * which becomes the head of its queue only once that record is written, is claimed by no
 * instance before the gap has passed (db/sql/claim-outbox-batch.ts). PostgreSQL only: SQLite has
 * one process, which paces chats in memory (outbox/rate-limiter.ts).
 */
import type { Tx } from "../client.js";

export interface ChatSpacing {
  platform: string;
  chatId: string;
  /** Milliseconds from now before the chat's next send may be claimed. */
  gapMs: number;
}

export async function spaceChatSends(db: Tx, s: ChatSpacing): Promise<void> {
  // Stored as UTC wall time (timestamp without zone), like SendPace, so every session reads it alike.
  await db.$executeRaw`
    INSERT INTO "ChatPace" ("platform", "chatId", "nextAt")
    VALUES (${s.platform}, ${s.chatId}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${s.gapMs / 1000}::float8))
    ON CONFLICT ("platform", "chatId") DO UPDATE SET "nextAt" = GREATEST("ChatPace"."nextAt", EXCLUDED."nextAt")`;
}
