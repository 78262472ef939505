// The migration-aware driver adapter factory the wasm engine runs on: better-sqlite3 for file:
// URLs, node-postgres for postgres:// URLs, each with the fixes this stand-in needs (A–D and the
// ?schema= handling; see README.md).
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-target";
import { parseDatabaseTarget } from "./database-target";
import { createEnginePool, quoteIdentifier } from "./pg-pool";
import { provideShadowDatabase } from "./pg-shadow-database";
import { withQueryableFixes } from "./queryable-fixes";

export function createAdapterFactory(target: DatabaseTarget, shadowDatabaseUrl: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === "sqlite") {
    const factory = new PrismaBetterSqlite3({ url: target.path });
    const shadowPath = shadowDatabaseUrl ? sqliteShadowPath(shadowDatabaseUrl) : ":memory:";
    const shadowFactory = new PrismaBetterSqlite3({ url: shadowPath });
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => withQueryableFixes(await factory.connect()),
      connectToShadowDb: async () => withQueryableFixes(await shadowFactory.connect()),
    };
  }
  const { connectionString, schema } = target;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPostgres(connectionString, schema),
    connectToShadowDb: async () => {
      const shadow = await provideShadowDatabase(connectionString, schema, shadowDatabaseUrl);
      try {
        const adapter = await connectPostgres(shadow.connectionString, shadow.schema);
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await shadow.release();
        };
        return adapter;
      } catch (error) {
        await shadow.release(true);
        throw error;
      }
    },
  };
}

async function connectPostgres(connectionString: string, schema: string | undefined): Promise<SqlDriverAdapter> {
  const pool = createEnginePool(connectionString, schema);
  if (schema) {
    try {
      // Native behaviour: the engine creates the configured schema when it is missing.
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  // `schema` tells the engine (via getConnectionInfo) which schema to describe and migrate.
  const factory = new PrismaPg(pool, { schema, disposeExternalPool: true });
  return withQueryableFixes(await factory.connect());
}

function sqliteShadowPath(url: string): string {
  const target = parseDatabaseTarget(url);
  if (target.provider !== "sqlite") throw new Error("shadowDatabaseUrl must be a file: URL for SQLite");
  return target.path;
}
