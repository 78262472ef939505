// The app's database store, one per process (Next.js loads this package once, as an external, and
// the production server imports the same module). Created on first use, so importing this module (e.g. while `next build` collects pages) never
// validates configuration or connects.
import { serverEnv } from "@/lib/env/server";
import type { Db } from "./create-client";
import { log } from "@/lib/log";
import { databaseProvider, resolveDatabaseUrl } from "./database-url";
import { createStore, type Store } from "./store";

export type { Db };

let cached: Store | undefined;

/** The process's store (lib/db/store.ts): every handle this process opens on its database. */
export function processStore(): Store {
  if (cached) return cached;
  const url = resolveDatabaseUrl(serverEnv().DATABASE_URL);
  cached = createStore(url);
  // Once per process: a second line in one server's log would mean a second copy of this module.
  log.info("database client opened", { database: databaseProvider(url) });
  return cached;
}

function current(): Db {
  return processStore().db;
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
