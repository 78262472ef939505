// Entry point of the schema-engine stand-in: `--version`, `cli …` one-shot commands, or the
// JSON-RPC session Prisma's CLI drives. stdout carries only JSON-RPC (or the version line).
import { readFile } from "node:fs/promises";
import { parseEngineArgs } from "./args";
import { parseDatabaseTarget } from "./database-target";
import { runCliCommand } from "./cli-commands";
import { toRpcError } from "./engine-errors";
import { logLine, routeConsoleToStderr } from "./log";
import { serveEngine } from "./serve-engine";
import { wasmEngineVersion } from "./wasm-engine";
import { releaseAllShadowDatabases } from "./pg-shadow-database";
import { takePanicMessage } from "./panic-registry";

async function main(): Promise<number> {
  routeConsoleToStderr();
  const args = parseEngineArgs(process.argv.slice(2));
  if (args.command.kind === "version") {
    process.stdout.write(`schema-engine-cli ${await wasmEngineVersion()} (wasm stand-in)\n`);
    return 0;
  }
  if (args.command.kind === "cli") {
    // The CLI skips the first stderr line, so the error it looks for must not be first.
    logLine("INFO", `schema-engine stand-in: cli ${args.command.name}`);
    try {
      const url = args.datasource.url;
      if (!url) throw new Error("--datasource with a url is required for cli commands");
      await runCliCommand(args.command.name, parseDatabaseTarget(url));
      return 0;
    } catch (error) {
      const { data } = toRpcError(error);
      logLine("ERROR", data.message, data.error_code ? { error_code: data.error_code } : {});
      return 1;
    }
  }
  const datamodels = await Promise.all(
    args.datamodelPaths.map(async (path): Promise<[string, string]> => [path, await readFile(path, "utf8")]),
  );
  await serveEngine({ datamodels, datasource: args.datasource });
  return 0;
}

// Prisma's CLI stops the engine by closing stdin and, on Linux, killing it right away:
// drop any shadow database still alive before leaving.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    void releaseAllShadowDatabases().finally(() => process.exit(0));
  });
}

// A Rust panic inside an async engine task traps outside any request's promise. Report it the
// native way: an ERROR log line with the panic message, then exit code 101 (the CLI shows it).
process.on("uncaughtException", (error) => {
  const panic = takePanicMessage();
  logLine("ERROR", panic ?? error.stack ?? error.message, { is_panic: Boolean(panic) });
  void releaseAllShadowDatabases().finally(() => process.exit(panic ? 101 : 1));
});

main().then(
  async (code) => {
    await releaseAllShadowDatabases();
    process.exit(code);
  },
  (error: unknown) => {
    logLine("ERROR", error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
