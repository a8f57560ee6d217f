-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "personId" INTEGER,
    "requested" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExtensionRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committeeId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "step" TEXT NOT NULL DEFAULT 'title',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "meetingId" INTEGER,
    "publishedAt" DATETIME,
    "discardedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ExtensionRequest_assignmentId_status_idx" ON "ExtensionRequest"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "MeetingDraft_personId_publishedAt_discardedAt_idx" ON "MeetingDraft"("personId", "publishedAt", "discardedAt");
