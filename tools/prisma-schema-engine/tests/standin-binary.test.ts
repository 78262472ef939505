// The bin as Prisma's CLI runs it: a plain executable, nothing but the answer on stdout.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { standInBinary } from "@/tests/prisma-offline/prisma-cli";

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(standInBinary, args, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("schema-engine stand-in executable", () => {
  it("prints a version line naming the wasm engine build", async () => {
    const result = await run(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3 \(wasm stand-in\)\n$/);
  });

  it("answers can-connect/create-database by exit code with errors on stderr only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "switchboard-standin-"));
    try {
      const datasource = JSON.stringify({ url: `file:${join(dir, "sub", "new.db")}` });
      const missing = await run(["--datasource", datasource, "cli", "can-connect-to-database"]);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe("");
      const lines = missing.stderr
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { level: string; fields: { error_code?: string } });
      expect(lines.at(-1)).toMatchObject({ level: "ERROR", fields: { error_code: "P1003" } });
      expect((await run(["--datasource", datasource, "cli", "create-database"])).code).toBe(0);
      expect(existsSync(join(dir, "sub", "new.db"))).toBe(true);
      expect((await run(["--datasource", datasource, "cli", "can-connect-to-database"])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
