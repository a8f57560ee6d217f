import { Prisma, type Db } from "../client.js";
import { rawQuery } from "../raw.js";

/**
 * The stored JSON text of one conversation state, or undefined: read on every update of a chat
 * not remembered, so plain SQL instead of a Prisma find. Same on both databases.
 */
export async function conversationStateValue(db: Db, key: string): Promise<string | undefined> {
  const [row] = await rawQuery<{ value: string }>(db, Prisma.sql`SELECT "value" FROM "ConversationState" WHERE "key" = ${key}`);
  return row?.value;
}
