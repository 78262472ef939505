-- The consent loop's rounds find their work by index: tenants that chose a subscription type or a
-- list, and synced contacts whose marketing status has not been read, by connection.
CREATE INDEX "Tenant_newsletterSubscriptionId_idx" ON "Tenant"("newsletterSubscriptionId");
CREATE INDEX "Tenant_newsletterListId_idx" ON "Tenant"("newsletterListId");
CREATE INDEX "Signup_status_marketingContact_connectionId_idx" ON "Signup"("status", "marketingContact", "connectionId");
