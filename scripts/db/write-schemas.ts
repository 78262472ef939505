// Writes prisma/{sqlite,postgresql}/schema.prisma from prisma/models.prisma.
// Prisma needs a literal `provider`, so each database gets its own schema file and migrations;
// the models stay in one place. `--check` fails when a written file is stale (used by tests).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function schemaPath(provider: Provider): string {
  return join(root, "prisma", provider, "schema.prisma");
}

export function renderSchema(provider: Provider): string {
  const models = readFileSync(join(root, "prisma", "models.prisma"), "utf8");
  return `// GENERATED from prisma/models.prisma by \`npm run db:schemas\` — edit that file instead.

generator client {
  provider = "prisma-client"
  output   = "../../lib/db/generated/${provider}"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

function main(check: boolean): number {
  let stale = 0;
  for (const provider of providers) {
    const path = schemaPath(provider);
    const wanted = renderSchema(provider);
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = "";
    }
    if (current === wanted) continue;
    if (check) {
      console.error(`${path} is stale: run npm run db:schemas`);
      stale++;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, wanted);
      console.log(`wrote ${path}`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(main(process.argv.includes("--check")));
}
