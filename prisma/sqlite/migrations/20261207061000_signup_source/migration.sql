-- Where each signup came from (form, api, agent). An ADD COLUMN, not Prisma's table redefinition:
-- dropping "Signup" would drop the triggers that keep "SignupDailyCount" exact.
ALTER TABLE "Signup" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'form';
