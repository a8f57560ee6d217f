-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "escalationCursor" DATETIME;
ALTER TABLE "Assignment" ADD COLUMN "escalationLeaseUntil" DATETIME;
ALTER TABLE "Assignment" ADD COLUMN "escalationLeasedBy" TEXT;

-- AlterTable
ALTER TABLE "WeeklyReportCycle" ADD COLUMN "actionCursor" DATETIME;
ALTER TABLE "WeeklyReportCycle" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "WeeklyReportCycle" ADD COLUMN "leasedBy" TEXT;
ALTER TABLE "WeeklyReportCycle" ADD COLUMN "nextActionAt" DATETIME;
ALTER TABLE "WeeklyReportCycle" ADD COLUMN "nextActionStep" TEXT;

-- AlterTable
ALTER TABLE "EscalationEvent" ADD COLUMN "recipients" JSONB;

-- CreateIndex
CREATE INDEX "WeeklyReportCycle_nextActionAt_idx" ON "WeeklyReportCycle"("nextActionAt");
