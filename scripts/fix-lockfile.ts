// Keeps package-lock.json portable. The registry mirror here answers 404 for some platform
// packages (e.g. @next/swc-darwin-arm64), so npm leaves them out of the lockfile, and `npm ci`
// then fails everywhere with "Missing: <pkg> from lock file". Adding a bare
// `{ version, optional: true }` entry for each is what npm itself accepts: on a machine of that
// platform it fetches the package, elsewhere it skips it. Run after any lockfile change;
// `--check` only reports (used by tests).
import { readFileSync, writeFileSync } from "node:fs";

type LockEntry = { version?: string; optional?: boolean; optionalDependencies?: Record<string, string> };
type Lockfile = { packages: Record<string, LockEntry> };

export function findMissingOptionals(lock: Lockfile): Map<string, string> {
  const missing = new Map<string, string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      missing.set(hoisted, range.replace(/^[\^~=]/, ""));
    }
  }
  return missing;
}

export function addMissingOptionals(lock: Lockfile): number {
  const missing = findMissingOptionals(lock);
  for (const [path, version] of missing) lock.packages[path] = { version, optional: true };
  // npm writes keys sorted; keep diffs small by doing the same.
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  return missing.size;
}

function main(): void {
  const file = "package-lock.json";
  const lock = JSON.parse(readFileSync(file, "utf8")) as Lockfile;
  if (process.argv.includes("--check")) {
    const missing = findMissingOptionals(lock);
    for (const path of missing.keys()) console.error(`missing from lockfile: ${path}`);
    process.exit(missing.size === 0 ? 0 : 1);
  }
  const added = addMissingOptionals(lock);
  writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
  console.log(`package-lock.json: added ${added} optional platform entr${added === 1 ? "y" : "ies"}`);
}

if (process.argv[1]?.endsWith("fix-lockfile.ts")) main();
