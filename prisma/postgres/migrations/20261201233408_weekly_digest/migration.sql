-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "WeeklyDigestDelivery" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WeeklyDigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyDigestDelivery_cycleId_platform_chatId_key" ON "WeeklyDigestDelivery"("cycleId", "platform", "chatId");

-- AddForeignKey
ALTER TABLE "WeeklyDigestDelivery" ADD CONSTRAINT "WeeklyDigestDelivery_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "WeeklyReportCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
