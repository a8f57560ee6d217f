-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "quotas" JSONB;
