-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "noticeRecipientId" INTEGER;

-- CreateIndex
CREATE INDEX "OutboxMessage_noticeRecipientId_idx" ON "OutboxMessage"("noticeRecipientId");

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_noticeRecipientId_fkey" FOREIGN KEY ("noticeRecipientId") REFERENCES "NoticeRecipient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: invitations queued before this column named their recipient only inside the dedupe key
-- ("notice:N:invite:R:identity:I", parts with ":part:K" after it).
UPDATE "OutboxMessage" o SET "noticeRecipientId" = r."id"
FROM "NoticeRecipient" r
WHERE o."dedupeKey" ~ '^notice:[0-9]+:invite:[0-9]+:identity:' AND r."id" = split_part(o."dedupeKey", ':', 4)::integer;
