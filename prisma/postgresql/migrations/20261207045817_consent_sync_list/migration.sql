-- AlterTable
ALTER TABLE "Signup" ADD COLUMN     "listAddedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "newsletterListId" TEXT;
