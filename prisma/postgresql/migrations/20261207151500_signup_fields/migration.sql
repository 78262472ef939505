-- Optional form fields mapped to contact properties: the tenant's mapping (JSON) and each signup's values.
ALTER TABLE "Tenant" ADD COLUMN "signupFields" TEXT;
ALTER TABLE "Signup" ADD COLUMN "lastName" TEXT;
ALTER TABLE "Signup" ADD COLUMN "company" TEXT;
ALTER TABLE "Signup" ADD COLUMN "freeText" TEXT;
