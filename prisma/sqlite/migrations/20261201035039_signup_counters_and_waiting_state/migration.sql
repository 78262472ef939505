-- DropIndex
DROP INDEX "Signup_status_nextAttemptAt_idx";

-- CreateTable
CREATE TABLE "SignupDailyCount" (
    "tenantId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("tenantId", "day", "status")
);

-- CreateTable
CREATE TABLE "SyncHealthHour" (
    "connectionId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "synced" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("connectionId", "hour"),
    CONSTRAINT "SyncHealthHour_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Signup_status_tenantId_nextAttemptAt_idx" ON "Signup"("status", "tenantId", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Signup_tenantId_status_createdAt_idx" ON "Signup"("tenantId", "status", "createdAt");

-- Counters kept by the database itself, so every writer (intake's direct insert, Prisma, cascading
-- deletes) keeps them exact without knowing. SQLite runs one writer at a time: row triggers that
-- upsert the counter row cannot deadlock. Days are UTC: the first 10 characters of the stored
-- ISO timestamp.
CREATE TRIGGER "Signup_count_insert" AFTER INSERT ON "Signup" BEGIN
  INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total")
  VALUES (NEW."tenantId", substr(NEW."createdAt", 1, 10), NEW."status", 1)
  ON CONFLICT ("tenantId", "day", "status") DO UPDATE SET "total" = "total" + 1;
END;

CREATE TRIGGER "Signup_count_status" AFTER UPDATE OF "status" ON "Signup" WHEN OLD."status" <> NEW."status" BEGIN
  UPDATE "SignupDailyCount" SET "total" = "total" - 1
  WHERE "tenantId" = OLD."tenantId" AND "day" = substr(OLD."createdAt", 1, 10) AND "status" = OLD."status";
  INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total")
  VALUES (NEW."tenantId", substr(NEW."createdAt", 1, 10), NEW."status", 1)
  ON CONFLICT ("tenantId", "day", "status") DO UPDATE SET "total" = "total" + 1;
END;

CREATE TRIGGER "Signup_count_delete" AFTER DELETE ON "Signup" BEGIN
  UPDATE "SignupDailyCount" SET "total" = "total" - 1
  WHERE "tenantId" = OLD."tenantId" AND "day" = substr(OLD."createdAt", 1, 10) AND "status" = OLD."status";
END;

-- Rows that existed before the counters.
INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total")
SELECT "tenantId", substr("createdAt", 1, 10), "status", count(*) FROM "Signup" GROUP BY 1, 2, 3;
