// Runs the REAL prisma CLI (node_modules/prisma) as a child process, the way a developer does,
// with the project's schema-engine stand-in. Used by the prisma-offline tests.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaCli = join(projectRoot, "node_modules", "prisma", "build", "index.js");
export const standInBinary = join(projectRoot, "tools", "prisma-schema-engine", "bin", "schema-engine");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runPrisma(
  args: string[],
  options: { databaseUrl: string; cwd?: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Fails with the CLI's own output, which is what one needs to see when a command breaks. */
export function expectSuccess(result: CliResult): CliResult {
  if (result.code !== 0) {
    throw new Error(`prisma exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}

/**
 * A throwaway copy of the project's Prisma setup (config, schemas, committed migrations) so
 * `migrate dev` can write new migrations without touching the real ones. The stand-in is named
 * explicitly through PRISMA_SCHEMA_ENGINE_BINARY (the config's own default points inside the copy).
 */
export function copyPrismaProject(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-prisma-project-"));
  cpSync(join(projectRoot, "prisma"), join(dir, "prisma"), { recursive: true });
  cpSync(join(projectRoot, "prisma.config.ts"), join(dir, "prisma.config.ts"));
  mkdirSync(join(dir, "lib", "db"), { recursive: true });
  cpSync(join(projectRoot, "lib", "db", "database-url.ts"), join(dir, "lib", "db", "database-url.ts"));
  // prisma.config.ts reads the copy's `.env` files through this.
  mkdirSync(join(dir, "lib", "env"), { recursive: true });
  cpSync(join(projectRoot, "lib", "env", "load-env-files.ts"), join(dir, "lib", "env", "load-env-files.ts"));
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "prisma-copy", private: true, type: "module" }));
  return { dir, env: { PRISMA_SCHEMA_ENGINE_BINARY: standInBinary } };
}

/** Adds a column to the User model of both schema copies (a change `migrate dev` must notice). */
export function addNicknameColumn(dir: string): void {
  for (const provider of ["sqlite", "postgresql"]) {
    const path = join(dir, "prisma", provider, "schema.prisma");
    const before = readFileSync(path, "utf8");
    const schema = before.replace("model User {\n", "model User {\n  nickname String?\n");
    if (schema === before) throw new Error(`no User model to change in ${path}`);
    writeFileSync(path, schema);
  }
}
