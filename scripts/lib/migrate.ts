// Applies the committed migrations to a database with the ordinary `prisma migrate deploy`, run as
// a child process (the same path a deployment takes; prisma.config.ts picks schema and migrations
// folder from DATABASE_URL). Used by tests, e2e setup and the demo to prepare fresh databases.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function migrateDatabase(url: string): Promise<void> {
  const prismaCli = join(dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build", "index.js");
  const { code, output } = await runNode([prismaCli, "migrate", "deploy"], { ...process.env, DATABASE_URL: url });
  if (code !== 0) {
    throw new MigrationError(`prisma migrate deploy failed (exit ${code}):\n${redactUrl(output, url)}`);
  }
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A database URL may carry a password; never echo it in an error. */
function redactUrl(text: string, url: string): string {
  return text.split(url).join("<DATABASE_URL>");
}
