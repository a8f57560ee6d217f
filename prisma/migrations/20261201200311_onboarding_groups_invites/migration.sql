-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "revokedAt" DATETIME;

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JoinRequest_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InviteAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "committeeId" INTEGER,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CommitteeGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "boundById" INTEGER,
    "boundAt" DATETIME NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "unboundById" INTEGER,
    "unboundAt" DATETIME,
    CONSTRAINT "CommitteeGroup_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Committee" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT,
    "province" TEXT,
    "calendar" JSONB NOT NULL,
    "escalationPolicy" JSONB,
    "weeklyReportTemplate" JSONB,
    "verifyContact" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Committee" ("calendar", "code", "county", "createdAt", "escalationPolicy", "id", "name", "province", "updatedAt", "weeklyReportTemplate") SELECT "calendar", "code", "county", "createdAt", "escalationPolicy", "id", "name", "province", "updatedAt", "weeklyReportTemplate" FROM "Committee";
DROP TABLE "Committee";
ALTER TABLE "new_Committee" RENAME TO "Committee";
CREATE UNIQUE INDEX "Committee_code_key" ON "Committee"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
