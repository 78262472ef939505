-- Optional form fields mapped to contact properties: the tenant's mapping (JSON) and each signup's
-- values. ADD COLUMNs, not Prisma's table redefinition: dropping "Signup" would drop the triggers
-- that keep "SignupDailyCount" exact.
ALTER TABLE "Tenant" ADD COLUMN "signupFields" TEXT;
ALTER TABLE "Signup" ADD COLUMN "lastName" TEXT;
ALTER TABLE "Signup" ADD COLUMN "company" TEXT;
ALTER TABLE "Signup" ADD COLUMN "freeText" TEXT;
