// Builds a Prisma client for a DATABASE_URL: better-sqlite3 for file: URLs, node-postgres otherwise.
// Both generated clients come from the same models, so the SQLite client's type describes either.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, postgresSchema } from "./database-url";

export type Db = InstanceType<typeof SqliteClient>;

export function createDbClient(url: string): Db {
  if (databaseProvider(url) === "postgresql") {
    const { connectionString, schema } = postgresSchema(url);
    // `?schema=x` is Prisma's convention, unknown to node-postgres: the adapter qualifies every
    // table with it instead (the migrations put the tables there too).
    const adapter = new PrismaPg({ connectionString }, schema ? { schema } : undefined);
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  ensureSqliteFolder(url);
  return new SqliteClient({ adapter: new TunedSqlite({ url }) });
}

// The web app, the in-process sync and `npm run worker` processes all write to one SQLite file.
// Write-ahead logging lets readers proceed during a write and makes each commit one sequential
// append (synchronous=NORMAL stays durable across application crashes; only an OS crash or power
// loss can drop the last commits). better-sqlite3's own busy timeout (5 s) covers lock waits.
const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

class TunedSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

function ensureSqliteFolder(url: string): void {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}
