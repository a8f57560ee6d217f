-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN "instanceId" TEXT;
