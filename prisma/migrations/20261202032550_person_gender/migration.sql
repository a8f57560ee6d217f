-- AlterTable
ALTER TABLE "Person" ADD COLUMN "gender" TEXT;
