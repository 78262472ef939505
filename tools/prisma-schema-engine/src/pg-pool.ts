// node-postgres pools for the engine: char columns readable (fix A) and, for `?schema=x`, the
// schema on the search_path so unqualified statements (migration SQL, our own DDL) land in it.
import pg from "pg";
import { patchClientForCharColumns } from "./pg-char-columns";

export function createEnginePool(connectionString: string, schema: string | undefined): pg.Pool {
  const config: pg.PoolConfig = { connectionString, max: 4 };
  if (schema) config.options = `-c search_path=${quoteIdentifier(schema)}`;
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => patchClientForCharColumns(client));
  // An idle client dropped by the server must not crash the engine process.
  pool.on("error", () => undefined);
  return pool;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs one statement on a short-lived connection (admin work outside the engine's pool). */
export async function runOnce(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
