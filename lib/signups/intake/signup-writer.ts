// Which writer intake uses for a database: the direct SQLite insert for the embedded default, the
// batched Prisma insert for PostgreSQL. One per database per process.
import type { Db } from "@/lib/db/create-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/database-url";
import { createCoalescedPrismaWriter } from "./coalesced-prisma-writer";
import type { NewSignupWriter } from "./new-signup-row";
import { createSqliteSignupWriter } from "./sqlite-signup-writer";

const writers = new Map<string, NewSignupWriter>();

export function signupWriterFor(db: Db, databaseUrl: string): NewSignupWriter {
  let writer = writers.get(databaseUrl);
  if (!writer) {
    writer = databaseProvider(databaseUrl) === "sqlite" ? createSqliteSignupWriter(sqliteFilePath(databaseUrl)) : createCoalescedPrismaWriter(db);
    writers.set(databaseUrl, writer);
  }
  return writer;
}
