// Brings a database to the current schema and fills in the demo tenants and users — what both the
// demo and the e2e app need before the server starts. Idempotent.
import { createDbClient } from "@switchboard/lib/db/create-client";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { seedDemoData } from "@/prisma/seed";
import { makeDatabaseFilesPrivate } from "./private-database-files";

export async function prepareDemoDatabase(url: string): Promise<void> {
  // Before the first write creates the file with the process's default (world-readable) mode.
  makeDatabaseFilesPrivate(url);
  await migrateDatabase(url);
  const db = createDbClient(url);
  try {
    await seedDemoData(db, process.env.SEED_PASSWORD?.trim() || undefined);
  } finally {
    await db.$disconnect();
  }
  // A file the migration or seed added beside it (journal, WAL) is made private too.
  makeDatabaseFilesPrivate(url);
}
