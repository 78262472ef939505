-- Written as ADD COLUMNs, not Prisma's table redefinition: dropping "Signup" would drop the
-- triggers that keep "SignupDailyCount" exact (migration signup_counters_and_waiting_state).
-- The new status values UNCONFIRMED and UNSUBSCRIBED need nothing here: SQLite stores them as text.

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "doubleOptIn" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Signup" ADD COLUMN "confirmationTokenHash" TEXT;
ALTER TABLE "Signup" ADD COLUMN "confirmationSentAt" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "confirmedAt" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "confirmedFromIp" TEXT;
ALTER TABLE "Signup" ADD COLUMN "unsubscribedAt" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "hubspotUnsubscribePending" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Signup_confirmationTokenHash_key" ON "Signup"("confirmationTokenHash");

-- CreateIndex
CREATE INDEX "Signup_hubspotUnsubscribePending_tenantId_idx" ON "Signup"("hubspotUnsubscribePending", "tenantId");
