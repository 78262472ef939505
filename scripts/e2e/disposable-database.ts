// Safety net for the e2e server: it deletes and recreates its database, so it must only ever point
// at a SQLite file inside this run's own temp folder — never the demo database or a shared server.
import { realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, resolve, sep } from "node:path";

export function sqlitePathOf(databaseUrl: string): string {
  return resolve(databaseUrl.slice("file:".length).split("?")[0] ?? "");
}

export function assertDisposableDatabase(databaseUrl: string, runDir: string): void {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("refusing to run e2e against a non-SQLite database; E2E_DATABASE_URL must be a file: URL in a temp dir");
  }
  const temp = realpathSync(tmpdir());
  const run = resolve(runDir);
  const path = sqlitePathOf(databaseUrl);
  const insideTemp = (candidate: string) => resolveExisting(candidate).startsWith(`${temp}${sep}`);
  if (!basename(run).startsWith("switchboard-e2e-") || !insideTemp(run)) {
    throw new Error(`refusing to use ${run}: the e2e run dir must be a switchboard-e2e-* folder in ${temp}`);
  }
  if (dirname(path) !== run) throw new Error(`refusing to use ${path}: the e2e database must live in ${run}`);
}

export function removeDatabaseFiles(databaseUrl: string): void {
  const path = sqlitePathOf(databaseUrl);
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

export function removeRunDir(runDir: string): void {
  if (basename(runDir).startsWith("switchboard-e2e-")) rmSync(runDir, { recursive: true, force: true });
}

// The run dir may not exist yet; judge it by its nearest existing ancestor (tmp may be a symlink).
function resolveExisting(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : `${resolveExisting(parent)}${sep}${basename(path)}`;
  }
}
