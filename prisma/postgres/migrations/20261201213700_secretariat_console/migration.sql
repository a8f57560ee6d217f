-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "personId" INTEGER,
    "requested" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingDraft" (
    "id" SERIAL NOT NULL,
    "committeeId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "step" TEXT NOT NULL DEFAULT 'title',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "meetingId" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "discardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtensionRequest_assignmentId_status_idx" ON "ExtensionRequest"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "MeetingDraft_personId_publishedAt_discardedAt_idx" ON "MeetingDraft"("personId", "publishedAt", "discardedAt");

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
