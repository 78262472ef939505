// `npm run admin -- user …`: invite people, print password reset links, list accounts.
import type { Command } from "commander";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { createInvitation } from "@switchboard/lib/people/invitations/create-invitation";
import { issuePasswordReset } from "@switchboard/lib/people/passwords/issue-password-reset";
import { OPERATOR_ACTOR } from "@switchboard/lib/people/people-actor";
import { tenantSlugSchema } from "@switchboard/lib/people/tenants/tenant-input";
import { cliEmail, cliRole, table } from "./cli-fields";
import type { AdminContext } from "./admin-context";
import { deliveryNote } from "./delivery-note";
import { parseOptions } from "./parse-options";

export function registerUserCommands(program: Command, context: AdminContext): void {
  const user = program.command("user").description("invite people, reset passwords, list accounts");

  user
    .command("invite")
    .description("invite someone into a tenant with a role (prints the invitation link)")
    .requiredOption("--tenant <slug>", "the tenant")
    .requiredOption("--email <email>", "who to invite")
    .option("--role <role>", "OWNER, ADMIN or MEMBER", "MEMBER")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ tenant: tenantSlugSchema, email: cliEmail, role: cliRole }), raw);
      const tenant = await context.db().tenant.findUnique({ where: { slug: options.tenant }, select: { id: true, name: true } });
      if (!tenant) throw AppError.notFound(`The tenant ${options.tenant}`);
      const invitation = await createInvitation(
        context.db(),
        context.mailer(),
        OPERATOR_ACTOR,
        tenant,
        { email: options.email, role: options.role },
        context.links(),
      );
      context.out(
        `Invitation for ${invitation.email} to ${tenant.name} as ${invitation.role}, valid until ${invitation.expiresAt.toISOString()}:`,
      );
      context.out(`  ${invitation.acceptUrl}`);
      context.out(deliveryNote(invitation.delivery, context.links().appUrl));
    });

  user
    .command("reset-password")
    .description("print a one-hour, single-use password reset link for an account")
    .requiredOption("--email <email>", "the account")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ email: cliEmail }), raw);
      const account = await context.db().user.findUnique({ where: { email: options.email }, select: { id: true } });
      if (!account) throw AppError.notFound(`An account for ${options.email}`);
      const reset = await issuePasswordReset(context.db(), account.id, context.links().appUrl);
      context.out(`Password reset link for ${options.email}, valid until ${reset.expiresAt.toISOString()}:`);
      context.out(`  ${reset.resetUrl}`);
    });

  user
    .command("list")
    .description("list accounts and their memberships")
    .option("--tenant <slug>", "only members of this tenant")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ tenant: tenantSlugSchema.optional() }), raw);
      const users = await context.db().user.findMany({
        where: options.tenant ? { memberships: { some: { tenant: { slug: options.tenant } } } } : {},
        orderBy: { email: "asc" },
        select: {
          email: true,
          name: true,
          passwordHash: true,
          memberships: { select: { role: true, tenant: { select: { slug: true } } }, orderBy: { tenant: { slug: "asc" } } },
        },
      });
      if (users.length === 0)
        return context.out(options.tenant ? `No members in ${options.tenant} (or no such tenant).` : "No accounts yet.");
      const rows = users.map((u) => [
        u.email,
        u.name ?? "",
        u.passwordHash ? "password" : "sso only",
        u.memberships.map((m) => `${m.tenant.slug}:${m.role}`).join(", ") || "(no tenant)",
      ]);
      for (const line of table([["EMAIL", "NAME", "SIGN-IN", "MEMBERSHIPS"], ...rows])) context.out(line);
    });
}
