// Wraps a driver adapter (and the transactions it starts) with fixes B and C:
// B. (SQLite) The engine replays migrations into the shadow database and runs `db execute`
//    through executeRaw, which better-sqlite3 rejects for multi-statement SQL ("contains more than
//    one statement", surfacing as P3006). Argument-less SQL falls back to executeScript.
// C. A SELECT on a missing _prisma_migrations table answers zero rows (see migrations-table.ts).
import type { SqlDriverAdapter, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import { logLine } from "./log";
import { describeError, emptyMigrationsResult, isMissingTableError, readsMigrationsTable } from "./migrations-table";

type Queryable = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">;

export function isMultiStatementError(error: unknown): boolean {
  return /more than one statement/i.test(describeError(error));
}

function patchQueryable(target: Queryable, runScript: ((sql: string) => Promise<void>) | undefined): void {
  const queryRaw = target.queryRaw.bind(target);
  const executeRaw = target.executeRaw.bind(target);
  target.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    traceSql("query", query);
    try {
      return await queryRaw(query);
    } catch (error) {
      if (readsMigrationsTable(query.sql) && isMissingTableError(error)) return emptyMigrationsResult(query);
      throw error;
    }
  };
  target.executeRaw = async (query: SqlQuery): Promise<number> => {
    traceSql("execute", query);
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!runScript || query.args.length > 0 || !isMultiStatementError(error)) throw error;
      await runScript(query.sql);
      return 0;
    }
  };
}

/** SCHEMA_ENGINE_TRACE_SQL=1 logs every statement to stderr, for debugging the stand-in. */
function traceSql(kind: string, query: SqlQuery): void {
  if (process.env.SCHEMA_ENGINE_TRACE_SQL === "1") logLine("DEBUG", `${kind}: ${query.sql}`);
}

/** Applies the fixes in place and returns the same adapter. */
export function withQueryableFixes<A extends SqlDriverAdapter>(adapter: A): A {
  const runScript = adapter.provider === "sqlite" ? adapter.executeScript.bind(adapter) : undefined;
  patchQueryable(adapter, runScript);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args: Parameters<SqlDriverAdapter["startTransaction"]>): Promise<Transaction> => {
    const transaction = await startTransaction(...args);
    // better-sqlite3 has one connection, so a script run through the adapter stays inside the transaction.
    patchQueryable(transaction, runScript);
    return transaction;
  };
  return adapter;
}
