// `npm run build:lib`: compiles lib/ into the package @switchboard/lib under node_modules — the ONE
// copy of the domain code a production process loads. Next.js loads it as an external package
// (next.config.ts) and server/ imports the same files, so a process holds one database client,
// one limiter, one sync loop. It must live in node_modules: Next bundles anything outside it.
// Every source file is an entry; code splitting puts what entries share into common chunks, so
// module state exists once however many entries import it. npm packages stay external. The
// package's `types` and `source` conditions point at lib/ itself (through the `src` link), for
// the type-checker and for scripts run with `tsx --conditions=source`.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const libDir = join(root, "lib");
const outdir = join(root, "node_modules", "@switchboard", "lib");
const stampFile = join(outdir, ".source-hash");

const packageJson = {
  name: "@switchboard/lib",
  private: true,
  type: "module",
  description: "Built by `npm run build:lib` from lib/. Do not edit.",
  exports: {
    "./db": { types: "./src/db/index.ts", source: "./src/db/index.ts", default: "./db/index.js" },
    "./*": { types: "./src/*.ts", source: "./src/*.ts", default: "./*.js" },
  },
};

function sourceFiles(dir: string, withGenerated: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" && !withGenerated ? [] : sourceFiles(path, withGenerated);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function sourceHash(): string {
  const hash = createHash("sha256").update(JSON.stringify(packageJson));
  for (const file of sourceFiles(libDir, true).sort()) hash.update(file).update(readFileSync(file));
  return hash.digest("hex");
}

/** Compiles lib/ unless the package already holds this exact source: a running `npm start` loads
 * chunks lazily, so they must not be rewritten under it (e.g. by `npm test` beside the demo). */
export async function buildLib(): Promise<void> {
  const hash = sourceHash();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) return;
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = sourceFiles(libDir, false);
  await build({
    entryPoints,
    outdir,
    outbase: libDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    packages: "external",
    sourcemap: "linked",
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
  mkdirSync(outdir, { recursive: true });
  symlinkSync(relative(outdir, libDir), join(outdir, "src"), "dir");
  writeFileSync(stampFile, hash);
  process.stdout.write(`@switchboard/lib: ${entryPoints.length} modules compiled from lib/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildLib().catch((error: unknown) => {
    process.stderr.write(`build:lib failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
