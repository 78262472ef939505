// The app's database client, one per process (Next.js loads this package once, as an external, and
// the production server imports the same module). Created on first use, so importing this module (e.g. while `next build` collects pages) never
// validates configuration or connects.
import { serverEnv } from "@/lib/env/server";
import { createDbClient, type Db } from "./create-client";
import { log } from "@/lib/log";
import { databaseProvider, resolveDatabaseUrl } from "./database-url";

export type { Db };

let cached: Db | undefined;

function current(): Db {
  if (cached) return cached;
  const url = resolveDatabaseUrl(serverEnv().DATABASE_URL);
  cached = createDbClient(url);
  // Once per process: a second line in one server's log would mean a second copy of this module.
  log.info("database client opened", { database: databaseProvider(url) });
  return cached;
}

/** The shared client. Methods are bound to the real client, so `$transaction` etc. behave normally. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = current();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(current(), property);
  },
});
