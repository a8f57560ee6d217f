import type { Db } from "../client.js";

/**
 * The topics of the outbox rows that sent, or edited, message `messageId` in this chat, oldest
 * first (usually one). The caller reads them with domain/outbox-topic.ts: SQL matches no topic
 * pattern. One statement: it runs for every reply.
 */
export async function topicsOfMessage(db: Db, platform: string, chatId: string, messageId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ topic: string | null }[]>`
    SELECT "topic" FROM "OutboxMessage"
    WHERE "platform" = ${platform} AND "chatId" = ${chatId} AND "messageId" = ${messageId}
    ORDER BY "id"`;
  return rows.flatMap((row) => (row.topic ? [row.topic] : []));
}
