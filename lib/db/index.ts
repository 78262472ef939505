// The process runtime's database client, for code that Next loads on its own (pages, actions) and
// that is not yet handed the client by its wrapper. No client of its own: the composition root
// (lib/runtime) owns it.
import { processRuntime } from "@/lib/runtime/process-runtime";
import type { Db } from "./create-client";

export type { Db };

/** Methods are bound to the real client, so `$transaction` etc. behave normally. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = processRuntime().db;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(processRuntime().db, property);
  },
});
