// The JSON-RPC session: one wasm engine on the datasource's adapter, created lazily on the first
// request (so a datasource-less call like `diff` between two schema files needs no database).
import type { DatasourceArg } from "./args";
import type { DatabaseTarget } from "./database-target";
import { parseDatabaseTarget } from "./database-target";
import { createAdapterFactory } from "./adapter-factory";
import { callEngineMethod } from "./engine-methods";
import { toRpcError } from "./engine-errors";
import { JsonRpcChannel } from "./json-rpc";
import { logLine } from "./log";
import type { SchemaEngine } from "./wasm-engine";
import { bindFactory, createWasmEngine } from "./wasm-engine";

export interface EngineSession {
  datamodels: Array<[string, string]>;
  datasource: DatasourceArg;
}

export async function serveEngine(session: EngineSession): Promise<void> {
  const target: DatabaseTarget | undefined = session.datasource.url ? parseDatabaseTarget(session.datasource.url) : undefined;
  const factory = bindFactory(createAdapterFactory(target ?? parseDatabaseTarget("file::memory:"), session.datasource.shadowDatabaseUrl));
  const channel = new JsonRpcChannel((error) => toRpcError(error, factory.externalError));
  let engine: Promise<SchemaEngine> | undefined;
  let started: SchemaEngine | undefined;
  const getEngine = (): Promise<SchemaEngine> => {
    engine ??= createWasmEngine(datamodelsOrPlaceholder(session.datamodels, target), factory, forwardEngineLog).then(
      (value) => (started = value),
    );
    return engine;
  };
  await channel.serve(async (method, params) =>
    callEngineMethod(
      {
        engine: await getEngine(),
        target,
        shadowDatabaseUrl: session.datasource.shadowDatabaseUrl,
        print: async (content) => {
          await channel.request("print", { content });
        },
      },
      method,
      params,
    ),
  );
  started?.free();
}

/**
 * Commands like `migrate diff` start the engine without --datamodels, but the wasm engine panics
 * on an empty list; native just has no schema. A datasource-only schema is the neutral stand-in.
 */
export function datamodelsOrPlaceholder(datamodels: Array<[string, string]>, target: DatabaseTarget | undefined): Array<[string, string]> {
  if (datamodels.length > 0) return datamodels;
  const provider = target?.provider === "postgres" ? "postgresql" : "sqlite";
  return [["schema.prisma", `datasource db {\n  provider = "${provider}"\n}\n`]];
}

/** Engine log records arrive as JSON strings; they belong on stderr like the native engine's. */
function forwardEngineLog(message: unknown): void {
  if (typeof message === "string" && message.startsWith("{")) {
    process.stderr.write(message + "\n");
    return;
  }
  logLine("INFO", typeof message === "string" ? message : JSON.stringify(message));
}
