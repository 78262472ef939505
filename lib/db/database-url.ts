// Which database a DATABASE_URL names. Shared by the Prisma CLI config, the app and the tests,
// so they can never disagree about where the data lives.

export type DatabaseProvider = "sqlite" | "postgresql";

/** The embedded default: a SQLite file in the project's local state folder. */
export const DEFAULT_DATABASE_URL = "file:./.data/switchboard.db";

export function resolveDatabaseUrl(raw: string | undefined): string {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : DEFAULT_DATABASE_URL;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}

/** Splits Prisma's `?schema=x` off a Postgres URL (node-postgres does not understand it). */
export function postgresSchema(url: string): { connectionString: string; schema: string | undefined } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

/** The file a `file:` URL names, exactly as Prisma's better-sqlite3 adapter opens it. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}
