-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "identityId" INTEGER,
    "method" TEXT NOT NULL DEFAULT 'sendMessage',
    "payload" JSONB NOT NULL,
    "topic" TEXT,
    "dedupeKey" TEXT,
    "noticeRecipientId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "sentAt" DATETIME,
    "messageId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboxMessage_noticeRecipientId_fkey" FOREIGN KEY ("noticeRecipientId") REFERENCES "NoticeRecipient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "chatId", "claimedBy", "claimedUntil", "createdAt", "dedupeKey", "id", "identityId", "lastError", "messageId", "method", "notBefore", "payload", "platform", "sentAt", "status", "topic", "updatedAt") SELECT "attempts", "chatId", "claimedBy", "claimedUntil", "createdAt", "dedupeKey", "id", "identityId", "lastError", "messageId", "method", "notBefore", "payload", "platform", "sentAt", "status", "topic", "updatedAt" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_notBefore_idx" ON "OutboxMessage"("status", "notBefore");
CREATE INDEX "OutboxMessage_platform_chatId_status_idx" ON "OutboxMessage"("platform", "chatId", "status");
CREATE INDEX "OutboxMessage_noticeRecipientId_idx" ON "OutboxMessage"("noticeRecipientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: invitations queued before this column named their recipient only inside the dedupe key
-- ("notice:N:invite:R:identity:I", parts with ":part:K" after it).
UPDATE "OutboxMessage" SET "noticeRecipientId" = (
    SELECT r."id" FROM "NoticeRecipient" r
    WHERE r."id" = CAST(substr("OutboxMessage"."dedupeKey", instr("OutboxMessage"."dedupeKey", ':invite:') + 8,
        instr("OutboxMessage"."dedupeKey", ':identity:') - instr("OutboxMessage"."dedupeKey", ':invite:') - 8) AS INTEGER)
)
WHERE "dedupeKey" LIKE 'notice:%:invite:%:identity:%';
