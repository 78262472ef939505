// The `.env` files, read the way Next reads them, by the commands Next does not start. Every case
// runs in a child process of its own (loading mutates process.env for good) with a bare
// environment, in a temp folder holding the files: as a developer's shell would run it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateAuthSecret } from "@switchboard/lib/env/secret-formats";
import { copyPrismaProject, standInBinary } from "@/tests/prisma-offline/prisma-cli";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
const loader = pathToFileURL(join(projectRoot, "lib", "env", "load-env-files.ts")).href;

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "switchboard-env-files-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeFiles(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
}

/** What a shell with only `shell` set sees (no NODE_ENV, which Next's types insist on: Vitest's own
 * "test" stays out, and neither does a marker telling children the env files were read). */
function bareEnv(shell: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, ...shell };
  return env as unknown as NodeJS.ProcessEnv;
}

function loadInChild(shell: Record<string, string>, options = "{}"): Record<string, string | undefined> {
  const script = `const { loadEnvFiles } = await import(${JSON.stringify(loader)});
    loadEnvFiles({ dir: ${JSON.stringify(dir)}, ...${options} });
    process.stdout.write(JSON.stringify(process.env));`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: projectRoot,
    env: bareEnv(shell),
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Record<string, string | undefined>;
}

describe("loadEnvFiles", () => {
  it("reads .env, .env.development, .env.local and .env.development.local with Next's precedence", () => {
    writeFiles({
      ".env": "FROM=.env\nBASE=.env\nMODE=.env\nLOCAL=.env",
      ".env.development": "FROM=.env.development\nMODE=.env.development\nLOCAL=.env.development",
      ".env.local": "FROM=.env.local\nLOCAL=.env.local",
      ".env.development.local": "FROM=.env.development.local",
      ".env.production": "FROM=.env.production\nPRODUCTION_ONLY=yes",
    });
    const env = loadInChild({});
    expect(env).toMatchObject({ FROM: ".env.development.local", LOCAL: ".env.local", MODE: ".env.development", BASE: ".env" });
    expect(env.PRODUCTION_ONLY).toBeUndefined();
  });

  it("lets a variable set in the real environment win over every file", () => {
    writeFiles({ ".env": "DATABASE_URL=file:./from-dotenv.db", ".env.local": "DATABASE_URL=file:./from-local.db" });
    expect(loadInChild({ DATABASE_URL: "file:./from-shell.db" }).DATABASE_URL).toBe("file:./from-shell.db");
  });

  it("runs `npm start` as production, reading .env.production, whatever NODE_ENV a file sets", () => {
    writeFiles({
      ".env": "NODE_ENV=development\nMODE=.env",
      ".env.production": "MODE=.env.production",
      ".env.development": "MODE=.env.development",
    });
    expect(loadInChild({}, "{ production: true }")).toMatchObject({ NODE_ENV: "production", MODE: ".env.production" });
    // NODE_ENV from the shell still chooses.
    expect(loadInChild({ NODE_ENV: "development" }, "{ production: true }")).toMatchObject({
      NODE_ENV: "development",
      MODE: ".env.development",
    });
  });

  it("skips .env.local under NODE_ENV=test, as Next does", () => {
    writeFiles({ ".env": "FROM=.env", ".env.local": "FROM=.env.local\nLOCAL_ONLY=yes", ".env.test": "FROM=.env.test" });
    const env = loadInChild({ NODE_ENV: "test" });
    expect(env.FROM).toBe(".env.test");
    expect(env.LOCAL_ONLY).toBeUndefined();
  });

  it("is switched off for the test suite itself: no command a test starts reads the checkout's .env", () => {
    // Set by vitest.config.ts (and playwright.config.ts), inherited by every worker and child.
    expect(process.env.__NEXT_PROCESSED_ENV).toBe("true");
  });

  it("reads nothing below a command that ignores env files (npm test, npm run demo)", () => {
    writeFiles({ ".env": "DATABASE_URL=postgres://developer@db.example/theirs" });
    const script = `const { ignoreEnvFiles } = await import(${JSON.stringify(loader)});
      ignoreEnvFiles();
      const { spawnSync } = await import("node:child_process");
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", ${JSON.stringify(`const { loadEnvFiles } = await import(${JSON.stringify(loader)}); loadEnvFiles({ dir: ${JSON.stringify(dir)} }); process.stdout.write(process.env.DATABASE_URL ?? "unset");`)}], { encoding: "utf8" });
      process.stdout.write(child.stdout + child.stderr);`;
    const parent = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: projectRoot,
      env: bareEnv(),
      encoding: "utf8",
    });
    expect(parent.stdout).toBe("unset");
  });
});

// Each command runs from the folder holding the `.env`, as npm runs scripts from the project folder.
const runIn = (cwd: string, entry: string, ...args: string[]) =>
  spawnSync(tsx, ["--tsconfig", join(projectRoot, "tsconfig.json"), "--conditions=source", join(projectRoot, entry), ...args], {
    cwd,
    env: bareEnv(),
    encoding: "utf8",
    timeout: 120_000,
  });

describe("the commands read .env before validating their configuration", () => {
  // Each exits at the startup check, before Next or a database is touched: no build needed.
  const startIn = (entry: string) => runIn(dir, entry);

  it("npm start takes AUTH_SECRET from .env and names the malformed key it found there", () => {
    writeFiles({ ".env": `AUTH_SECRET=${generateAuthSecret()}\nTOKEN_ENCRYPTION_KEYS=k1:not-base64!` });
    const server = startIn("server/main.ts");
    expect(server.status).toBe(1);
    expect(server.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid configuration: TOKEN_ENCRYPTION_KEYS /)]);
  });

  it("the worker stops with one line when production settings in .env lack a secret", () => {
    writeFiles({ ".env": `NODE_ENV=production\nAUTH_SECRET=${generateAuthSecret()}` });
    const worker = startIn("scripts/worker.ts");
    expect(worker.status).toBe(1);
    expect(worker.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid configuration: TOKEN_ENCRYPTION_KEYS is missing/)]);
  });
});

describe("README's Developing steps with another DATABASE_URL in .env", () => {
  it("migrate, seed and the admin CLI all act on the database .env names", () => {
    const project = copyPrismaProject();
    try {
      writeFileSync(join(project.dir, ".env"), "DATABASE_URL=file:./elsewhere.db\nLOG_LEVEL=error\n");
      const prisma = join(projectRoot, "node_modules", "prisma", "build", "index.js");
      const migrate = spawnSync(process.execPath, [prisma, "migrate", "deploy"], {
        cwd: project.dir,
        env: bareEnv({ PRISMA_SCHEMA_ENGINE_BINARY: standInBinary, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" }),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(migrate.status, migrate.stderr).toBe(0);
      expect(migrate.stdout).toContain("elsewhere.db");
      expect(runIn(project.dir, "prisma/seed.ts").status).toBe(0);
      const list = runIn(project.dir, "scripts/admin/main.ts", "tenant", "list");
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/contoso[\s\S]*fabrikam/);
    } finally {
      rmSync(project.dir, { recursive: true, force: true });
    }
    // Three cold starts of a command (migrate, seed, CLI) on two shared cores.
  }, 240_000);
});
