-- AlterEnum (PostgreSQL 12+ adds several values in one transaction, as long as it does not use them)

ALTER TYPE "SignupStatus" ADD VALUE 'UNCONFIRMED';
ALTER TYPE "SignupStatus" ADD VALUE 'UNSUBSCRIBED';

-- AlterTable
ALTER TABLE "Signup" ADD COLUMN     "confirmationSentAt" TIMESTAMP(3),
ADD COLUMN     "confirmationTokenHash" TEXT,
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedFromIp" TEXT,
ADD COLUMN     "hubspotUnsubscribePending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "unsubscribedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "doubleOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Signup_confirmationTokenHash_key" ON "Signup"("confirmationTokenHash");

-- CreateIndex
CREATE INDEX "Signup_hubspotUnsubscribePending_tenantId_idx" ON "Signup"("hubspotUnsubscribePending", "tenantId");


