-- DropIndex
DROP INDEX "NoticeRecipient_noticeId_personId_key";

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "agendaResolutionIds" JSONB,
ADD COLUMN     "attendance" JSONB,
ADD COLUMN     "audience" JSONB,
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "documentFileId" TEXT,
ADD COLUMN     "documentKind" TEXT,
ADD COLUMN     "documentPlatform" TEXT,
ADD COLUMN     "movedAt" TIMESTAMP(3),
ADD COLUMN     "nextReminderAt" TIMESTAMP(3),
ADD COLUMN     "nextReminderStep" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'draft',
ADD COLUMN     "trackingChatId" TEXT,
ADD COLUMN     "trackingMessageId" TEXT,
ADD COLUMN     "trackingPlatform" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;

-- AlterTable
ALTER TABLE "NoticeRecipient" DROP COLUMN "delivery",
ADD COLUMN     "agencyId" INTEGER,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "delegatePost" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "role" TEXT NOT NULL,
ADD COLUMN     "scopeKey" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "NoticeRsvp" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "delegateName" TEXT,
    "delegatePost" TEXT,
    "reason" TEXT,
    "platform" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NoticeRsvp_recipientId_at_idx" ON "NoticeRsvp"("recipientId", "at");

-- CreateIndex
CREATE INDEX "Notice_committeeId_status_idx" ON "Notice"("committeeId", "status");

-- CreateIndex
CREATE INDEX "Notice_nextReminderAt_idx" ON "Notice"("nextReminderAt");

-- CreateIndex
CREATE INDEX "NoticeRecipient_noticeId_agencyId_idx" ON "NoticeRecipient"("noticeId", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeRecipient_noticeId_personId_scopeKey_key" ON "NoticeRecipient"("noticeId", "personId", "scopeKey");

-- AddForeignKey
ALTER TABLE "NoticeRsvp" ADD CONSTRAINT "NoticeRsvp_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "NoticeRecipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
