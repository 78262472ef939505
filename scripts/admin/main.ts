// `npm run admin -- <command>`: the operator's command line (tenants, people, API keys). Built on
// commander; each group of commands lives in its own file and registers itself below. Exit codes:
// 0 done, 1 the operation failed, 2 the command line itself was wrong (one line on stderr).
import { Command, CommanderError } from "commander";
import { createDbClient, type Db } from "@switchboard/lib/db/create-client";
import { resolveDatabaseUrl } from "@switchboard/lib/db/database-url";
import { EnvValidationError, serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { AppError } from "@switchboard/lib/app-error";
import { defaultIntegrationServices, type IntegrationServices } from "@switchboard/lib/integrations/services";
import { appMailer, type Mailer } from "@switchboard/lib/mail/mailer";
import { configuredLinks, type PeopleLinks } from "@switchboard/lib/people/people-links";
import { registerCommandGroups } from "./command-groups";

/** What every command gets: the database (opened on first use), mail, HubSpot, links, and where to print. */
export type AdminContext = {
  db(): Db;
  mailer(): Mailer;
  integrations(): IntegrationServices;
  links(): PeopleLinks;
  out(line: string): void;
};

/** Tests hand in their own database, mailer and simulator-backed services. */
export type AdminOverrides = Partial<Pick<AdminContext, "db" | "mailer" | "integrations" | "links">>;

/** A wrong argument: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export async function runAdmin(
  argv: string[],
  io: { out(line: string): void; err(line: string): void },
  overrides: AdminOverrides = {},
): Promise<number> {
  let db: Db | undefined;
  const context: AdminContext = {
    db: () => (db ??= createDbClient(resolveDatabaseUrl(serverEnv().DATABASE_URL))),
    mailer: appMailer,
    integrations: defaultIntegrationServices,
    links: configuredLinks,
    out: io.out,
    ...overrides,
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
    if (error instanceof AppError) {
      io.err(`failed: ${error.message}`);
      return 1;
    }
    io.err(`failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db?.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadEnvFiles();
  const code = await runAdmin(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}
