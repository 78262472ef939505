// `npm run admin -- <command>`: the operator's command line (tenants, people, API keys). Built on
// commander; each group of commands lives in its own file and registers itself below. Exit codes:
// 0 done, 1 the operation failed, 2 the command line itself was wrong (one line on stderr).
import { Command, CommanderError } from "commander";
import { EnvValidationError, serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { AppError } from "@switchboard/lib/app-error";
import { createRuntime, type Runtime } from "@switchboard/lib/runtime/runtime";
import { UsageError, type AdminContext, type AdminOverrides } from "./admin-context";
import { registerCommandGroups } from "./command-groups";

export { UsageError, type AdminContext, type AdminOverrides };

export async function runAdmin(
  argv: string[],
  io: { out(line: string): void; err(line: string): void },
  overrides: AdminOverrides = {},
): Promise<number> {
  let runtime: Runtime | undefined;
  const built = () => (runtime ??= createRuntime(serverEnv(), overrides.db ? { db: overrides.db() } : {}));
  const context: AdminContext = {
    db: () => built().db,
    mailer: () => built().mailer,
    integrations: () => built().integrations,
    links: () => built().links,
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
    await runtime?.close();
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
