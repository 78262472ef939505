-- One name for the HubSpot portal id everywhere: the column was "externalAccountId".
-- A rename, not drop-and-add, so existing connections keep their portal.
ALTER TABLE "Connection" RENAME COLUMN "externalAccountId" TO "portalId";
ALTER INDEX "Connection_tenantId_provider_externalAccountId_key" RENAME TO "Connection_tenantId_provider_portalId_key";
