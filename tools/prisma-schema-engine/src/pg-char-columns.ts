// Fix A. The engine reads pg_catalog columns of type "char" (OID 18), e.g. pg_class.relkind,
// which @prisma/adapter-pg refuses to map ("Column type 'char' could not be deserialized").
// The values are single characters, so reporting those columns as text (OID 25) is exact.
// We patch every pooled client as it connects, which also covers queries inside transactions.
import type pg from "pg";

export const CHAR_OID = 18;
export const TEXT_OID = 25;

interface FieldLike {
  dataTypeID: number;
}

/** Rewrites OID 18 fields to text in one query result or a multi-statement result array. */
export function rewriteCharColumns<T>(result: T): T {
  const results = Array.isArray(result) ? (result as unknown[]) : [result];
  for (const item of results) {
    const fields = (item as { fields?: unknown } | null)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const field of fields as FieldLike[]) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Wraps client.query so callback- and promise-style results both pass through the rewrite. */
export function patchClientForCharColumns(client: pg.PoolClient | pg.Client): void {
  const target = client as unknown as { query: QueryFn };
  const original: QueryFn = target.query.bind(client);
  target.query = (...args: unknown[]): unknown => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : rewriteCharColumns(result));
      return original(...args);
    }
    const returned = original(...args);
    if (returned && typeof (returned as Promise<unknown>).then === "function") {
      return (returned as Promise<unknown>).then(rewriteCharColumns);
    }
    return returned;
  };
}
