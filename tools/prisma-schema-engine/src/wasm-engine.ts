// Loads Prisma's WebAssembly build of the schema engine in plain Node, without
// --experimental-wasm-modules: import the wasm-bindgen glue, instantiate the sibling .wasm with
// the glue as its import object, then start it.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { installPanicRegistry } from "./panic-registry";

export type { SchemaEngine };

let started = false;

async function startWasm(): Promise<void> {
  if (started) return;
  installPanicRegistry();
  const require = createRequire(import.meta.url);
  // The .wasm file is not in the package's exports map: locate it beside the package entry.
  const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  glue.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  started = true;
}

export async function wasmEngineVersion(): Promise<string> {
  await startWasm();
  return glue.version();
}

/** The factory as the engine sees it, plus a way to read the errors it hid behind ids. */
export interface BoundFactory {
  bound: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;
  /** The engine reports driver failures as "External error id#N"; this recovers error N. */
  externalError(id: number): unknown;
}

export function bindFactory(factory: SqlMigrationAwareDriverAdapterFactory): BoundFactory {
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  return { bound, externalError: (id) => bound.errorRegistry.consumeError(id)?.error };
}

export async function createWasmEngine(
  datamodels: Array<[string, string]>,
  factory: BoundFactory,
  onLog: (message: string) => void,
): Promise<SchemaEngine> {
  await startWasm();
  return glue.SchemaEngine.new({ datamodels }, onLog, factory.bound);
}
