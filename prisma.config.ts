// Prisma CLI configuration. The database is chosen by DATABASE_URL: a postgres:// URL uses the
// PostgreSQL schema and migrations, anything else (or nothing) the embedded SQLite file.
import { defineConfig } from "prisma/config";
import { fileURLToPath } from "node:url";
import { databaseProvider, resolveDatabaseUrl } from "./lib/db/database-url";
import { loadEnvFiles } from "./lib/env/load-env-files";

// DATABASE_URL and the rest from `.env` files too, like every other command (Prisma 7 reads none itself).
loadEnvFiles();

// The CLI normally downloads a native schema engine, which is impossible offline. Our stand-in
// runs Prisma's own wasm build of that engine; an explicit override still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./tools/prisma-schema-engine/bin/schema-engine", import.meta.url));

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
const provider = databaseProvider(url);

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: {
    path: `prisma/${provider}/migrations`,
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
