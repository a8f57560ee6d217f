import type { Db } from "../client.js";

/**
 * The topic of the assignment message the outbox sent as `messageId` in this chat, if it sent one
 * (topics "assignment:<id>"). One statement: it runs for every reply.
 */
export async function assignmentTopicOfMessage(db: Db, platform: string, chatId: string, messageId: string): Promise<string | undefined> {
  const [row] = await db.$queryRaw<{ topic: string }[]>`
    SELECT "topic" FROM "OutboxMessage"
    WHERE "platform" = ${platform} AND "chatId" = ${chatId} AND "messageId" = ${messageId} AND "topic" LIKE 'assignment:%'
    LIMIT 1`;
  return row?.topic;
}
