// Builds a Prisma client for a DATABASE_URL: better-sqlite3 for file: URLs, node-postgres otherwise.
// Both generated clients come from the same models, so the SQLite client's type describes either.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseProvider, postgresSchema } from "./database-url";
import { SQLITE_PRAGMAS } from "./dialect";

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

// The pragmas every SQLite connection gets (dialect.ts). better-sqlite3's own busy timeout (5 s)
// covers this connection's lock waits.
class TunedSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS.map((pragma) => `PRAGMA ${pragma};`).join(" "));
    return adapter;
  }
}

function ensureSqliteFolder(url: string): void {
  const path = url.slice("file:".length).split("?")[0] ?? "";
  if (path && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}
