-- CreateTable
CREATE TABLE "NoticeRsvp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "delegateName" TEXT,
    "delegatePost" TEXT,
    "reason" TEXT,
    "platform" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NoticeRsvp_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "NoticeRecipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "meetingId" INTEGER,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingAt" DATETIME,
    "location" TEXT,
    "createdById" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "audience" JSONB,
    "agendaResolutionIds" JSONB,
    "documentPlatform" TEXT,
    "documentFileId" TEXT,
    "documentKind" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "movedAt" DATETIME,
    "nextReminderAt" DATETIME,
    "nextReminderStep" TEXT,
    "attendance" JSONB,
    "trackingPlatform" TEXT,
    "trackingChatId" TEXT,
    "trackingMessageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Notice_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notice_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Notice" ("committeeId", "createdAt", "createdById", "id", "location", "meetingAt", "meetingId", "text", "title") SELECT "committeeId", "createdAt", "createdById", "id", "location", "meetingAt", "meetingId", "text", "title" FROM "Notice";
DROP TABLE "Notice";
ALTER TABLE "new_Notice" RENAME TO "Notice";
CREATE INDEX "Notice_committeeId_status_idx" ON "Notice"("committeeId", "status");
CREATE INDEX "Notice_nextReminderAt_idx" ON "Notice"("nextReminderAt");
CREATE TABLE "new_NoticeRecipient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "noticeId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "agencyId" INTEGER,
    "role" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL,
    "rsvp" TEXT,
    "delegateName" TEXT,
    "delegatePost" TEXT,
    "reason" TEXT,
    "rsvpAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NoticeRecipient_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_NoticeRecipient" ("delegateName", "id", "noticeId", "personId", "rsvp", "rsvpAt") SELECT "delegateName", "id", "noticeId", "personId", "rsvp", "rsvpAt" FROM "NoticeRecipient";
DROP TABLE "NoticeRecipient";
ALTER TABLE "new_NoticeRecipient" RENAME TO "NoticeRecipient";
CREATE INDEX "NoticeRecipient_noticeId_agencyId_idx" ON "NoticeRecipient"("noticeId", "agencyId");
CREATE UNIQUE INDEX "NoticeRecipient_noticeId_personId_scopeKey_key" ON "NoticeRecipient"("noticeId", "personId", "scopeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "NoticeRsvp_recipientId_at_idx" ON "NoticeRsvp"("recipientId", "at");
