// The demo database holds personal data (signups): its files must be readable by their owner only.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareDemoDatabase } from "@/scripts/lib/prepare-demo-database";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-demo-files-"));
  dirs.push(dir);
  return dir;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("demo database files", () => {
  it("are created 0600, journal and WAL files included", async () => {
    const path = join(tempDir(), "data", "demo.db");
    const previous = process.umask(0o022);
    try {
      await prepareDemoDatabase(`file:${path}`);
    } finally {
      process.umask(previous);
    }
    for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`].filter((candidate) => existsSync(candidate))) {
      expect(modeOf(file), file).toBe(0o600);
    }
  });

  it("are made 0600 when an earlier run left them world-readable", async () => {
    const path = join(tempDir(), "demo.db");
    writeFileSync(path, "", { mode: 0o644 });
    await prepareDemoDatabase(`file:${path}`);
    expect(modeOf(path)).toBe(0o600);
  });
});
