/**
 * Forgets the chats whose shared pace (ChatPace, db/sql/space-chat-sends.ts) passed more than an
 * hour ago, in ONE statement: a past instant holds no chat back, so a missing row means the same,
 * and without this the table keeps a row for every chat ever sent to. Compared on the database's
 * clock, the one the instants are written by (an instance's clock may be set elsewhere). PostgreSQL
 * only, as the pace itself: SQLite's one process paces chats in memory.
 */
import type { Db } from "../client.js";

export async function deletePastChatPace(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "ChatPace" WHERE "nextAt" < (clock_timestamp() AT TIME ZONE 'UTC') - interval '1 hour'`;
}
