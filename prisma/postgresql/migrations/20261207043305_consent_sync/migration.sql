
-- AlterTable
ALTER TABLE "Signup" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "marketingContact" BOOLEAN,
ADD COLUMN     "subscriptionCheckedAt" TIMESTAMP(3),
ADD COLUMN     "subscriptionError" TEXT,
ADD COLUMN     "subscriptionLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "subscriptionState" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "newsletterSubscriptionId" TEXT;

-- CreateTable
CREATE TABLE "HubspotWebhookBatch" (
    "id" TEXT NOT NULL,
    "body" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "HubspotWebhookBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HubspotWebhookBatch_processedAt_receivedAt_idx" ON "HubspotWebhookBatch"("processedAt", "receivedAt");

-- CreateIndex
CREATE INDEX "Signup_hubspotContactId_idx" ON "Signup"("hubspotContactId");
