-- The marketing-status queue's index, led by the connection instead of the status: led by status it
-- also offered itself for the sync's "PENDING rows of tenants after X", and PostgreSQL, with statistics
-- from before a sync, took it there and read every PENDING row per pass.
DROP INDEX "Signup_status_marketingContact_connectionId_idx";
CREATE INDEX "Signup_connectionId_marketingContact_status_idx" ON "Signup"("connectionId", "marketingContact", "status");
