// `npm run admin -- <command>`: the operator's command line (tenants, people, API keys). Built on
// commander; each group of commands lives in its own file and registers itself below. Exit codes:
// 0 done, 1 the operation failed, 2 the command line itself was wrong (one line on stderr).
import { Command, CommanderError } from "commander";
import { createDbClient, type Db } from "@switchboard/lib/db/create-client";
import { resolveDatabaseUrl } from "@switchboard/lib/db/database-url";
import { EnvValidationError, serverEnv } from "@switchboard/lib/env/server";
import { registerCommandGroups } from "./command-groups";

/** What every command gets: the database (opened on first use) and where to print. */
export type AdminContext = {
  db(): Db;
  out(line: string): void;
};

/** A wrong argument: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export async function runAdmin(argv: string[], io: { out(line: string): void; err(line: string): void }): Promise<number> {
  let db: Db | undefined;
  const context: AdminContext = {
    db: () => (db ??= createDbClient(resolveDatabaseUrl(serverEnv().DATABASE_URL))),
    out: io.out,
  };
  const program = new Command("npm run admin --")
    .description("Switchboard's operator command line")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
  registerCommandGroups(program, context);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof EnvValidationError) {
      io.err(error.message);
      return 2;
    }
    io.err(`failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db?.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runAdmin(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}
