-- CreateTable
CREATE TABLE "WeeklyDigestDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cycleId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "queuedAt" DATETIME NOT NULL,
    CONSTRAINT "WeeklyDigestDelivery_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "WeeklyReportCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Membership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "agencyId" INTEGER,
    "committeeId" INTEGER,
    "scopeKey" TEXT NOT NULL,
    "title" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Membership" ("active", "agencyId", "committeeId", "createdAt", "id", "personId", "role", "scopeKey", "title", "updatedAt") SELECT "active", "agencyId", "committeeId", "createdAt", "id", "personId", "role", "scopeKey", "title", "updatedAt" FROM "Membership";
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_agencyId_role_idx" ON "Membership"("agencyId", "role");
CREATE INDEX "Membership_committeeId_role_idx" ON "Membership"("committeeId", "role");
CREATE UNIQUE INDEX "Membership_personId_role_scopeKey_key" ON "Membership"("personId", "role", "scopeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyDigestDelivery_cycleId_platform_chatId_key" ON "WeeklyDigestDelivery"("cycleId", "platform", "chatId");
