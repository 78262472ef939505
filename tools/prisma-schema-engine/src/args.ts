// Parses the command line Prisma's CLI gives the schema engine, e.g.
//   schema-engine --datamodels a.prisma --datasource '{"url":"file:./x.db"}' [cli can-connect-to-database]
// Unknown flags are ignored on purpose: a newer CLI may pass options this stand-in does not need.

export interface DatasourceArg {
  url?: string;
  shadowDatabaseUrl?: string;
}

export type EngineCommand = { kind: "version" } | { kind: "rpc" } | { kind: "cli"; name: string };

export interface EngineArgs {
  datamodelPaths: string[];
  datasource: DatasourceArg;
  previewFeatures: string[];
  command: EngineCommand;
}

const flagsWithValue = new Set(["--datamodels", "--datamodel", "--datasource", "--enabled-preview-features", "--extension-types"]);

export function parseEngineArgs(argv: readonly string[]): EngineArgs {
  const result: EngineArgs = {
    datamodelPaths: [],
    datasource: {},
    previewFeatures: [],
    command: { kind: "rpc" },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--version" || arg === "-V") {
      result.command = { kind: "version" };
      continue;
    }
    if (arg === "cli") {
      const name = argv[i + 1];
      if (!name) throw new Error("`cli` needs a subcommand (can-connect-to-database, create-database)");
      result.command = { kind: "cli", name };
      i++;
      continue;
    }
    if (!flagsWithValue.has(arg)) continue;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    i++;
    if (arg === "--datamodels" || arg === "--datamodel") result.datamodelPaths.push(value);
    else if (arg === "--datasource") result.datasource = parseDatasource(value);
    else if (arg === "--enabled-preview-features") {
      result.previewFeatures = value.split(",").filter(Boolean);
    }
  }
  return result;
}

function parseDatasource(json: string): DatasourceArg {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error("--datasource must be a JSON object");
  }
  if (typeof parsed !== "object" || parsed === null) throw new Error("--datasource must be a JSON object");
  const record = parsed as Record<string, unknown>;
  const datasource: DatasourceArg = {};
  if (typeof record.url === "string") datasource.url = record.url;
  if (typeof record.shadowDatabaseUrl === "string") datasource.shadowDatabaseUrl = record.shadowDatabaseUrl;
  return datasource;
}
