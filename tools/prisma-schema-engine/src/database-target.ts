// What a datasource URL points at, in the shape the driver adapters want. SQLite paths are
// resolved against the working directory, which Prisma's CLI sets to the config's folder.
import { isAbsolute, resolve } from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; path: string }
  | { provider: "postgres"; url: string; connectionString: string; schema: string | undefined };

export function parseDatabaseTarget(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    // node-postgres would ignore `schema`; it is applied through search_path instead.
    parsed.searchParams.delete("schema");
    return { provider: "postgres", url, connectionString: parsed.toString(), schema: schema || undefined };
  }
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0] ?? "";
    const path = raw === ":memory:" || isAbsolute(raw) ? raw : resolve(cwd, raw);
    return { provider: "sqlite", url, path };
  }
  throw new EngineUserError(
    "P1013",
    `The provided database string is invalid. Only file: (SQLite) and postgres:// URLs are supported by this schema engine stand-in.`,
  );
}

/** Replaces the database name of a Postgres URL (used for the admin and shadow connections). */
export function withDatabase(connectionString: string, database: string): string {
  const parsed = new URL(connectionString);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(connectionString: string): string {
  return decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, "")) || "postgres";
}

/** An error meant for the user, carrying a Prisma error code the CLI knows how to present. */
export class EngineUserError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly meta: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "EngineUserError";
  }
}
