// Dispatches JSON-RPC methods to the wasm SchemaEngine (same names, same params), adding the
// behaviour the wasm build lacks compared to the native engine:
// C. markMigrationApplied: create _prisma_migrations first (native DDL).
// E. (SQLite) reset: drop every table and view instead of only deleting rows.
// F. evaluateDataLoss/createMigration: prime the engine with devDiagnostic on the same migrations.
// G. diff: send the SQL to the CLI as a `print` request, since the CLI prints nothing else.
import type { SchemaEngine } from "./wasm-engine";
import type { DatabaseTarget } from "./database-target";
import { EngineUserError } from "./database-target";
import { ensureMigrationsTable } from "./engine-maintenance";
import { resetSqliteDatabase } from "./sqlite-reset";

export interface EngineMethodContext {
  engine: SchemaEngine;
  target: DatabaseTarget | undefined;
  shadowDatabaseUrl: string | undefined;
  print: (content: string) => Promise<void>;
}

type Params = Record<string, unknown>;
const emptyFilters = { externalTables: [], externalEnums: [] };

export async function callEngineMethod(ctx: EngineMethodContext, method: string, rawParams: unknown): Promise<unknown> {
  const params = (rawParams ?? {}) as Params;
  const engine = ctx.engine as unknown as Record<string, unknown>;
  switch (method) {
    case "evaluateDataLoss":
    case "createMigration":
      await primeWithDevDiagnostic(ctx.engine, params);
      break;
    case "markMigrationApplied":
      if (ctx.target) await ensureMigrationsTable(ctx.target);
      break;
    case "reset":
      if (ctx.target?.provider === "sqlite") {
        await resetSqliteDatabase(ctx.target.path);
        return null;
      }
      break;
    case "diff": {
      const result = (await ctx.engine.diff(params as unknown as Parameters<SchemaEngine["diff"]>[0])) as {
        exitCode: number;
        stdout: string | null;
      };
      if (result.stdout) await ctx.print(result.stdout);
      return { ...result, stdout: null };
    }
    case "version":
      return ctx.engine.version(rawParams as Parameters<SchemaEngine["version"]>[0]);
    default:
      break;
  }
  const fn = engine[method];
  if (typeof fn !== "function" || method.startsWith("_") || method === "free" || method === "debugPanic") {
    throw new EngineUserError("P1000", `Unknown or unsupported schema engine method: ${method}`);
  }
  return (fn as (p: unknown) => Promise<unknown>).call(ctx.engine, rawParams);
}

async function primeWithDevDiagnostic(engine: SchemaEngine, params: Params): Promise<void> {
  const migrationsList = params.migrationsList;
  if (!migrationsList) return;
  await engine.devDiagnostic({
    migrationsList: migrationsList as Parameters<SchemaEngine["devDiagnostic"]>[0]["migrationsList"],
    filters: (params.filters as Parameters<SchemaEngine["devDiagnostic"]>[0]["filters"]) ?? emptyFilters,
  });
}
