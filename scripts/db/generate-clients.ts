// `npm run db:generate`: generates BOTH Prisma clients (lib/db/generated/{sqlite,postgresql}).
// prisma.config.ts picks the schema by DATABASE_URL, so `prisma generate` runs once per provider.
// Generation never connects, so the Postgres URL only has to look like one.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const prismaCli = join(dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build", "index.js");

const urls = {
  sqlite: "file:./.data/switchboard.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/switchboard_generate_only",
};

for (const [provider, url] of Object.entries(urls)) {
  const result = spawnSync(process.execPath, [prismaCli, "generate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
  });
  if (result.status !== 0) {
    process.stderr.write(`prisma generate failed for ${provider}\n`);
    process.exit(result.status ?? 1);
  }
}
