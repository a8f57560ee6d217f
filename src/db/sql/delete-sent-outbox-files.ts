import { Prisma, type Db, type DbProvider, providerOfClient } from "../client.js";

/**
 * Deletes the stored files (OutboxFile: a notice letter's bytes, uploaded by the outbox to the
 * platforms it was not sent on) whose sends are over: at least one outbox row names the file
 * (`{"document"|"photo": {"stored": key}}`, outbox/outbox.ts), none of them is still pending, and
 * the last of them was sent (or given up) before `before`. Returns how many files went.
 *
 * Safe to delete then because nothing sends a stored file again: the dispatcher only ever marks a
 * row sent or failed, nothing sets one back to pending, and rows naming a stored file are queued
 * only when its notice goes out (NoticeService.send, once per notice). The platforms' file ids
 * kept in `fileIds` are reused only by the other rows of the same file, so they go with it.
 * A file no row names yet (a draft notice's letter) is kept: its rows come when it is sent (and a
 * notice whose recipients are all on the letter's own platform drops its file as it is sent).
 */
export async function deleteSentOutboxFiles(db: Db, before: Date): Promise<number> {
  return db.$executeRaw(deleteSql(providerOfClient(db), before));
}

function deleteSql(provider: DbProvider, before: Date): Prisma.Sql {
  // The file a row names, by its payload's document or photo.
  const named =
    provider === "postgres"
      ? Prisma.sql`COALESCE(o."payload" -> 'document' ->> 'stored', o."payload" -> 'photo' ->> 'stored')`
      : Prisma.sql`COALESCE(json_extract(o."payload", '$.document.stored'), json_extract(o."payload", '$.photo.stored'))`;
  return Prisma.sql`
    DELETE FROM "OutboxFile" WHERE "key" IN (
      SELECT ${named} FROM "OutboxMessage" o
      WHERE o."method" IN ('sendDocument', 'sendPhoto') AND ${named} IS NOT NULL
      GROUP BY ${named}
      HAVING SUM(CASE WHEN o."status" = 'pending' THEN 1 ELSE 0 END) = 0
        AND MAX(COALESCE(o."sentAt", o."updatedAt")) < ${before})`;
}
