// The database layer's handles for one process, built once from the DATABASE_URL by whoever owns the
// process's resources (lib/runtime/, tests, the bench): the Prisma client, and — opened only when
// first needed — one extra SQLite connection for hot-path statements (better-sqlite3, prepared, no
// Prisma in between) or one PostgreSQL pool (pg) for counters, limiters and hot-path reads.
// Nothing else opens a database handle; close() closes them all.
import Database from "better-sqlite3";
import pg from "pg";
import { createDbClient, type Db } from "./create-client";
import { databaseProvider, postgresSchema, sqliteFilePath } from "./database-url";
import { dialectOf, SQLITE_PRAGMAS, type Dialect } from "./dialect";
import { log } from "@/lib/log";

export interface Store {
  readonly db: Db;
  readonly dialect: Dialect;
  /** SQLite: the process's hot-path connection (opened on first use); null on PostgreSQL. */
  sqlite(): Database.Database | null;
  /** PostgreSQL: the process's pool for counters, limiters and hot-path reads (opened on first use); null on SQLite. */
  pool(): PostgresPool | null;
  /** One object per store and key, built on first use: prepared statements, writers, limiters. */
  shared<T>(key: string, build: () => T): T;
  /** Closes every handle this store opened (the Prisma client too). Safe to call twice. */
  close(): Promise<void>;
}

export type PostgresPool = { pool: pg.Pool; schema: string | undefined };

const POOL_SIZE = 4;

export function createStore(databaseUrl: string): Store {
  const provider = databaseProvider(databaseUrl);
  const db = createDbClient(databaseUrl);
  let connection: Database.Database | undefined;
  let postgres: PostgresPool | undefined;
  const sharedObjects = new Map<string, unknown>();
  let closed = false;
  return {
    db,
    dialect: dialectOf(provider),
    sqlite() {
      if (provider !== "sqlite") return null;
      connection ??= openHotPathConnection(sqliteFilePath(databaseUrl));
      return connection;
    },
    pool() {
      if (provider !== "postgresql") return null;
      postgres ??= openPool(databaseUrl);
      return postgres;
    },
    shared<T>(key: string, build: () => T): T {
      if (!sharedObjects.has(key)) sharedObjects.set(key, build());
      return sharedObjects.get(key) as T;
    },
    async close() {
      if (closed) return;
      closed = true;
      connection?.close();
      await postgres?.pool.end();
      await db.$disconnect();
    },
  };
}

// timeout 0: a locked database must not block the event loop inside SQLite's busy handler. When
// the lock holder is this process's own Prisma connection mid-transaction, a blocking wait could
// never end (that transaction needs the event loop to finish); the hot-path statements wait
// asynchronously instead (statements/hot-path-writers.ts).
function openHotPathConnection(filePath: string): Database.Database {
  const connection = new Database(filePath, { timeout: 0 });
  for (const pragma of SQLITE_PRAGMAS) connection.pragma(pragma);
  return connection;
}

function openPool(databaseUrl: string): PostgresPool {
  const { connectionString, schema } = postgresSchema(databaseUrl);
  // `?schema=x` is Prisma's convention: the pool's sessions look there first, like Prisma's queries.
  const options = schema ? `-c search_path="${schema.replaceAll('"', '""')}"` : undefined;
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, options });
  // An idle connection dropped by the server must not crash the app; the pool reconnects on demand.
  pool.on("error", (error) => log.warn("database pool lost a connection", { error }));
  return { pool, schema };
}
