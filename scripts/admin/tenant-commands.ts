// `npm run admin -- tenant …`: onboard, list, rename and delete tenants.
import type { Command } from "commander";
import { z } from "zod";
import { createTenant } from "@switchboard/lib/people/tenants/create-tenant";
import { deleteTenant } from "@switchboard/lib/people/tenants/delete-tenant";
import { OPERATOR_ACTOR } from "@switchboard/lib/people/people-actor";
import { renameTenant } from "@switchboard/lib/people/tenants/rename-tenant";
import { tenantNameSchema, tenantSlugSchema } from "@switchboard/lib/people/tenants/tenant-input";
import { cliEmail, table } from "./cli-fields";
import { UsageError, type AdminContext } from "./admin-context";
import { deliveryNote } from "./delivery-note";
import { parseOptions } from "./parse-options";

export function registerTenantCommands(program: Command, context: AdminContext): void {
  const tenant = program.command("tenant").description("create, list, rename and delete tenants");

  tenant
    .command("create")
    .description("create a tenant and invite its first owner (prints the invitation link)")
    .requiredOption("--name <name>", 'display name, e.g. "Acme"')
    .requiredOption("--slug <slug>", "URL name, e.g. acme (the dashboard lives at /t/<slug>)")
    .requiredOption("--owner <email>", "email of the first owner")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ name: tenantNameSchema, slug: tenantSlugSchema, owner: cliEmail }), raw);
      const result = await createTenant(
        context.db(),
        context.mailer(),
        { name: options.name, slug: options.slug, ownerEmail: options.owner },
        context.links(),
      );
      context.out(
        result.created ? `Created tenant ${result.tenant.name} (${result.tenant.slug}).` : `Tenant ${result.tenant.slug} already exists.`,
      );
      if (!result.invitation) return context.out(`${options.owner} already owns it.`);
      context.out(`Invitation for ${options.owner} (OWNER), valid until ${result.invitation.expiresAt.toISOString()}:`);
      context.out(`  ${result.invitation.acceptUrl}`);
      context.out(deliveryNote(result.invitation.delivery, context.links().appUrl));
    });

  tenant
    .command("list")
    .description("list every tenant with its member and connection counts")
    .action(async () => {
      const tenants = await context.db().tenant.findMany({
        orderBy: { slug: "asc" },
        select: { slug: true, name: true, createdAt: true, _count: { select: { memberships: true, connections: true } } },
      });
      if (tenants.length === 0) return context.out("No tenants yet. Create one with: tenant create --name … --slug … --owner …");
      const rows = tenants.map((t) => [
        t.slug,
        t.name,
        String(t._count.memberships),
        String(t._count.connections),
        t.createdAt.toISOString().slice(0, 10),
      ]);
      for (const line of table([["SLUG", "NAME", "MEMBERS", "CONNECTIONS", "CREATED"], ...rows])) context.out(line);
    });

  tenant
    .command("rename")
    .description("change a tenant's display name (the slug stays)")
    .requiredOption("--slug <slug>", "the tenant")
    .requiredOption("--name <name>", "the new name")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ slug: tenantSlugSchema, name: tenantNameSchema }), raw);
      const result = await renameTenant(context.db(), { slug: options.slug }, options.name, OPERATOR_ACTOR);
      context.out(
        result.from === result.to
          ? `Tenant ${options.slug} is already named ${result.to}.`
          : `Renamed ${options.slug}: ${result.from} → ${result.to}.`,
      );
    });

  tenant
    .command("delete")
    .description("delete a tenant and all its data, after revoking its HubSpot grants")
    .requiredOption("--slug <slug>", "the tenant")
    .option("--yes", "confirm: this cannot be undone")
    .action(async (raw: unknown) => {
      const options = parseOptions(z.object({ slug: tenantSlugSchema, yes: z.boolean().optional() }), raw);
      if (!options.yes) throw new UsageError(`tenant delete removes ${options.slug} and all its data for good; add --yes to confirm`);
      const result = await deleteTenant(context.db(), context.integrations(), options.slug, OPERATOR_ACTOR);
      for (const portal of result.portals) {
        context.out(
          portal.revoked
            ? `Revoked HubSpot portal ${portal.portalId}.`
            : `HubSpot portal ${portal.portalId}: revocation not confirmed; remove the app in HubSpot's connected apps.`,
        );
      }
      context.out(`Deleted tenant ${result.name} (${options.slug}) and its data.`);
    });
}
