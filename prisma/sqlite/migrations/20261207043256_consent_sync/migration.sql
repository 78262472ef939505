-- AlterTable
ALTER TABLE "Signup" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "marketingContact" BOOLEAN;
ALTER TABLE "Signup" ADD COLUMN "subscriptionCheckedAt" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "subscriptionError" TEXT;
ALTER TABLE "Signup" ADD COLUMN "subscriptionLeaseUntil" DATETIME;
ALTER TABLE "Signup" ADD COLUMN "subscriptionState" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN "newsletterSubscriptionId" TEXT;

-- CreateTable
CREATE TABLE "HubspotWebhookBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "HubspotWebhookBatch_processedAt_receivedAt_idx" ON "HubspotWebhookBatch"("processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "Signup_hubspotContactId_idx" ON "Signup"("hubspotContactId");
