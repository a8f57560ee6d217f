-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "verifyContact" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" SERIAL NOT NULL,
    "inviteId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "username" TEXT,
    "firstName" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "sharedPhone" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteAttempt" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "committeeId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InviteAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeGroup" (
    "id" SERIAL NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "boundById" INTEGER,
    "boundAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "unboundById" INTEGER,
    "unboundAt" TIMESTAMP(3),

    CONSTRAINT "CommitteeGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JoinRequest_platform_userId_status_idx" ON "JoinRequest"("platform", "userId", "status");

-- CreateIndex
CREATE INDEX "JoinRequest_inviteId_idx" ON "JoinRequest"("inviteId");

-- CreateIndex
CREATE INDEX "InviteAttempt_platform_userId_at_idx" ON "InviteAttempt"("platform", "userId", "at");

-- CreateIndex
CREATE INDEX "InviteAttempt_platform_chatId_at_idx" ON "InviteAttempt"("platform", "chatId", "at");

-- CreateIndex
CREATE INDEX "CommitteeGroup_platform_chatId_idx" ON "CommitteeGroup"("platform", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeGroup_committeeId_platform_chatId_key" ON "CommitteeGroup"("committeeId", "platform", "chatId");

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeGroup" ADD CONSTRAINT "CommitteeGroup_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
