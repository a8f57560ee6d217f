-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "WeeklyReportSubmission" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_idempotencyKey_key" ON "ProgressUpdate"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyReportSubmission_idempotencyKey_key" ON "WeeklyReportSubmission"("idempotencyKey");
