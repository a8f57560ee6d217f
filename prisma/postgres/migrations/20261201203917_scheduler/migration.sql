-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "escalationCursor" TIMESTAMP(3),
ADD COLUMN     "escalationLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "escalationLeasedBy" TEXT;

-- AlterTable
ALTER TABLE "WeeklyReportCycle" ADD COLUMN     "actionCursor" TIMESTAMP(3),
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "leasedBy" TEXT,
ADD COLUMN     "nextActionAt" TIMESTAMP(3),
ADD COLUMN     "nextActionStep" TEXT;

-- AlterTable
ALTER TABLE "EscalationEvent" ADD COLUMN     "recipients" JSONB;

-- CreateIndex
CREATE INDEX "WeeklyReportCycle_nextActionAt_idx" ON "WeeklyReportCycle"("nextActionAt");
