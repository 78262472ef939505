-- AlterTable
ALTER TABLE "Signup" ADD COLUMN "listAddedAt" DATETIME;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "newsletterListId" TEXT;
