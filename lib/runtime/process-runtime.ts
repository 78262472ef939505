// The one runtime of this process. Entry points install the runtime they built; code that Next
// loads on its own (route handlers, server actions, pages) takes it from here. Built from the
// validated configuration on first use only when no entry point installed one (plain `next dev`
// before instrumentation finished, or a script that never called installRuntime).
import type { Db } from "@/lib/db/create-client";
import { serverEnv } from "@/lib/env/server";
import { createRuntime, type Runtime } from "./runtime";

let current: Runtime | undefined;

export function installRuntime(runtime: Runtime): Runtime {
  if (current && current !== runtime) throw new Error("This process already has a runtime");
  current = runtime;
  return runtime;
}

export function processRuntime(): Runtime {
  current ??= createRuntime(serverEnv());
  return current;
}

/** Closes and forgets the process's runtime (graceful shutdown, and test files that installed one);
 * given one, only if that is the process's. */
export async function closeProcessRuntime(only?: Runtime): Promise<void> {
  const runtime = current;
  if (only && runtime !== only) return;
  current = undefined;
  await runtime?.close();
}

/** Whether an entry point (or a test) installed a runtime already. */
export function hasProcessRuntime(): boolean {
  return current !== undefined;
}

/** The runtime's Prisma client for pages and actions, resolved per use (never at import, so a build
 * needs no configuration). Methods are bound to the real client, so `$transaction` etc. behave normally. */
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
