// The app's database client, one per process. In development Next re-evaluates modules on every
// edit; keeping the client on globalThis stops each reload from opening another connection pool.
// Created on first use, so importing this module (e.g. while `next build` collects pages) never
// validates configuration or connects.
import { serverEnv } from "@/lib/env/server";
import { createDbClient, type Db } from "./create-client";
import { resolveDatabaseUrl } from "./database-url";

export type { Db };

const holder = globalThis as typeof globalThis & { __switchboardDb?: Db };

let cached: Db | undefined;

function current(): Db {
  if (cached) return cached;
  cached = holder.__switchboardDb ?? createDbClient(resolveDatabaseUrl(serverEnv().DATABASE_URL));
  // Production keeps it in module scope only; dev needs it to survive hot reloads.
  if (process.env.NODE_ENV !== "production") holder.__switchboardDb = cached;
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
