-- Where each signup came from (form, api, agent).
ALTER TABLE "Signup" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'form';
