// `schema-engine --datasource … cli can-connect-to-database | create-database`. The CLI reads
// only the exit code, plus an ERROR log line on stderr (it skips the first stderr line, so a
// harmless INFO line goes first). No wasm engine is needed for these.
import { existsSync, mkdirSync, closeSync, openSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "./database-target";
import { EngineUserError, databaseName, withDatabase } from "./database-target";
import { quoteIdentifier } from "./pg-pool";

export async function runCliCommand(name: string, target: DatabaseTarget): Promise<void> {
  if (name === "can-connect-to-database") return canConnect(target);
  if (name === "create-database") return createDatabase(target);
  throw new EngineUserError("P1000", `Unknown cli subcommand: ${name}`);
}

async function canConnect(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    if (target.path !== ":memory:" && !existsSync(target.path)) {
      throw new EngineUserError("P1003", `Database ${target.path} does not exist`, { database_file_path: target.path });
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw toConnectionError(error, target.connectionString);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(target: DatabaseTarget): Promise<void> {
  if (target.provider === "sqlite") {
    if (target.path === ":memory:") return;
    mkdirSync(dirname(target.path), { recursive: true });
    closeSync(openSync(target.path, "a"));
    return;
  }
  const name = databaseName(target.connectionString);
  // CREATE DATABASE must run while connected to another database: the maintenance db `postgres`.
  const client = new pg.Client({ connectionString: withDatabase(target.connectionString, "postgres") });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code === "42P04") return; // already exists
    throw toConnectionError(error, target.connectionString);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function toConnectionError(error: unknown, connectionString: string): EngineUserError {
  const code = (error as { code?: string }).code;
  const url = new URL(connectionString);
  const location = `${url.hostname}:${url.port || "5432"}`;
  if (code === "3D000") {
    return new EngineUserError(
      "P1003",
      `Database \`${databaseName(connectionString)}\` does not exist on the database server at \`${location}\`.`,
      {
        database_name: databaseName(connectionString),
        database_host: url.hostname,
        database_port: Number(url.port || 5432),
      },
    );
  }
  if (code === "28P01" || code === "28000") {
    return new EngineUserError("P1000", `Authentication failed against database server at \`${location}\`.`);
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT") {
    return new EngineUserError("P1001", `Can't reach database server at \`${location}\``);
  }
  return new EngineUserError("P1000", error instanceof Error ? error.message : String(error));
}
