import { Prisma, type Db } from "../client.js";
import { rawExecute } from "../raw.js";

/**
 * Records that a person wrote from their chat: seen now, reachable again, and (`chatId`) where
 * their messages go. Plain SQL, group-committed on SQLite (raw.ts): it comes with a person's
 * first update every few minutes, on the path of intake.
 */
export async function touchChatIdentity(db: Db, identityId: number, at: Date, chatId?: string): Promise<void> {
  await rawExecute(
    db,
    Prisma.sql`
    UPDATE "ChatIdentity"
    SET "lastSeenAt" = ${at}, "reachable" = ${true}, "unreachableReason" = NULL, "unreachableAt" = NULL, "updatedAt" = ${at}${
      chatId !== undefined ? Prisma.sql`, "chatId" = ${chatId}` : Prisma.empty
    }
    WHERE "id" = ${identityId}`,
  );
}
