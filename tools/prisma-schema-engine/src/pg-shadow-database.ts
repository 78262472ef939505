// Fix D. PrismaPg.connectToShadowDb creates a temporary database but its pool still connects to
// the MAIN database (node-postgres lets `connectionString` win over `database`), so `migrate dev`
// would replay migrations onto real data. We create the shadow database ourselves, connect to it
// by URL and drop it on dispose. A configured shadowDatabaseUrl is wiped first, as native does.
import { randomUUID } from "node:crypto";
import { parseDatabaseTarget, withDatabase } from "./database-target";
import { quoteIdentifier, runOnce } from "./pg-pool";

export interface ShadowDatabase {
  connectionString: string;
  schema: string | undefined;
  /**
   * Removes what was created for this shadow database (nothing for a configured one). `force`
   * (PostgreSQL 13+) also ends sessions still connected, for an engine being interrupted.
   */
  release(force?: boolean): Promise<void>;
}

/** Shadow databases still alive, so an interrupted engine can drop them on the way out. */
const liveShadowDatabases = new Set<ShadowDatabase>();

export async function provideShadowDatabase(
  mainConnectionString: string,
  mainSchema: string | undefined,
  configuredShadowUrl: string | undefined,
): Promise<ShadowDatabase> {
  if (configuredShadowUrl) {
    const target = parseDatabaseTarget(configuredShadowUrl);
    if (target.provider !== "postgres") throw new Error("shadowDatabaseUrl must be a postgres:// URL");
    const schema = target.schema ?? "public";
    await runOnce(
      target.connectionString,
      `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE; CREATE SCHEMA ${quoteIdentifier(schema)}`,
    );
    return { connectionString: target.connectionString, schema: target.schema, release: async () => {} };
  }
  const name = shadowDatabaseName();
  await runOnce(mainConnectionString, `CREATE DATABASE ${quoteIdentifier(name)}`);
  const shadow: ShadowDatabase = {
    connectionString: withDatabase(mainConnectionString, name),
    schema: mainSchema,
    release: async (force = false) => {
      liveShadowDatabases.delete(shadow);
      const drop = `DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`;
      await runOnce(mainConnectionString, force ? `${drop} WITH (FORCE)` : drop);
    },
  };
  liveShadowDatabases.add(shadow);
  return shadow;
}

export function shadowDatabaseName(): string {
  return `prisma_migrate_shadow_db_${randomUUID()}`;
}

export async function releaseAllShadowDatabases(): Promise<void> {
  await Promise.allSettled([...liveShadowDatabases].map((shadow) => shadow.release(true)));
}
