// What the admin CLI's command groups are handed, apart from the command line itself (kept out of
// main.ts so the groups and the entry point don't import each other).
import type { Db } from "@switchboard/lib/db/create-client";
import type { Store } from "@switchboard/lib/db/store";
import type { IntegrationServices } from "@switchboard/lib/integrations/services";
import type { Mailer } from "@switchboard/lib/mail/mailer";
import type { PeopleLinks } from "@switchboard/lib/people/people-links";

/** What every command gets: the database, mail, HubSpot, links (the runtime, built on first use so
 * `--help` and usage errors need no configuration), and where to print. */
export type AdminContext = {
  db(): Db;
  mailer(): Mailer;
  integrations(): IntegrationServices;
  links(): PeopleLinks;
  out(line: string): void;
};

/** Tests hand in their own database (its store), mailer and simulator-backed services. */
export type AdminOverrides = Partial<Pick<AdminContext, "db" | "mailer" | "integrations" | "links">> & { store?: () => Store };

/** A wrong argument: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
