// The demo's SQLite database holds signups — people's names and email addresses — so its files
// are readable by their owner only, like .data/secrets.json beside them.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { databaseProvider, sqliteFilePath } from "@switchboard/lib/db/database-url";

const OWNER_ONLY = 0o600;
const SQLITE_SIDE_FILES = ["", "-journal", "-wal", "-shm"];

/** Creates the database file 0600 if it does not exist yet, and makes existing ones 0600. */
export function makeDatabaseFilesPrivate(databaseUrl: string): void {
  if (databaseProvider(databaseUrl) !== "sqlite") return;
  const path = sqliteFilePath(databaseUrl);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // An empty file is a valid empty database; SQLite gives its journal and WAL files the same mode.
  closeSync(openSync(path, "a", OWNER_ONLY));
  for (const suffix of SQLITE_SIDE_FILES) {
    if (existsSync(`${path}${suffix}`)) chmodSync(`${path}${suffix}`, OWNER_ONLY);
  }
}
