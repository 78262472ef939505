-- AlterEnum
ALTER TYPE "SignupStatus" ADD VALUE 'WAITING';

-- DropIndex
DROP INDEX "Signup_status_nextAttemptAt_idx";

-- CreateTable
CREATE TABLE "SignupDailyCount" (
    "tenantId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" "SignupStatus" NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignupDailyCount_pkey" PRIMARY KEY ("tenantId","day","status")
);

-- CreateTable
CREATE TABLE "SyncHealthHour" (
    "connectionId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "synced" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SyncHealthHour_pkey" PRIMARY KEY ("connectionId","hour")
);

-- CreateIndex
CREATE INDEX "Signup_status_tenantId_nextAttemptAt_idx" ON "Signup"("status", "tenantId", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Signup_tenantId_status_createdAt_idx" ON "Signup"("tenantId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "SyncHealthHour" ADD CONSTRAINT "SyncHealthHour_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counters kept by the database itself, so every writer (intake's batched insert, Prisma,
-- cascading deletes) keeps them exact without knowing. Statement-level triggers with transition
-- tables: a 64-row intake insert or a 100-row sync update touches each counter row once, in a
-- fixed order (fewer lock waits, no lock-order inversions inside one statement). Days are UTC.
CREATE FUNCTION "signup_counts_apply"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT
  -- U&'…' with \003B for each semicolon, because Prisma's PostgreSQL migration runner splits scripts on every semicolon
  AS U&'BEGIN IF TG_OP = ''INSERT'' THEN INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total") SELECT "tenantId", to_char("createdAt", ''YYYY-MM-DD''), "status", count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 ON CONFLICT ("tenantId", "day", "status") DO UPDATE SET "total" = "SignupDailyCount"."total" + EXCLUDED."total"\003B ELSIF TG_OP = ''DELETE'' THEN UPDATE "SignupDailyCount" c SET "total" = c."total" - d.n FROM (SELECT "tenantId", to_char("createdAt", ''YYYY-MM-DD'') AS day, "status", count(*) AS n FROM old_rows GROUP BY 1, 2, 3) d WHERE c."tenantId" = d."tenantId" AND c."day" = d.day AND c."status" = d."status"\003B ELSE INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total") SELECT "tenantId", day, "status", sum(n) FROM ( SELECT "tenantId", to_char("createdAt", ''YYYY-MM-DD'') AS day, "status", 1 AS n FROM new_rows UNION ALL SELECT "tenantId", to_char("createdAt", ''YYYY-MM-DD'') AS day, "status", -1 AS n FROM old_rows ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3 ON CONFLICT ("tenantId", "day", "status") DO UPDATE SET "total" = "SignupDailyCount"."total" + EXCLUDED."total"\003B END IF\003B RETURN NULL\003B END';

CREATE TRIGGER "Signup_count_insert" AFTER INSERT ON "Signup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signup_counts_apply"();
CREATE TRIGGER "Signup_count_update" AFTER UPDATE ON "Signup" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signup_counts_apply"();
CREATE TRIGGER "Signup_count_delete" AFTER DELETE ON "Signup" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "signup_counts_apply"();

-- Rows that existed before the counters.
INSERT INTO "SignupDailyCount" ("tenantId", "day", "status", "total")
SELECT "tenantId", to_char("createdAt", 'YYYY-MM-DD'), "status", count(*) FROM "Signup" GROUP BY 1, 2, 3;
