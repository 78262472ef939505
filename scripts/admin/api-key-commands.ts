// `npm run admin -- api-key create|list|revoke`: operator keys (every tenant), or with --tenant a
// tenant's key. The plaintext key is printed once, at creation; afterwards only its prefix is shown.
import type { Command } from "commander";
import { z } from "zod";
import { AppError } from "@switchboard/lib/app-error";
import { createApiKey, listApiKeys, newApiKeySchema, revokeApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { apiScopes, apiScopeSchema } from "@switchboard/lib/api-keys/scopes";
import { UsageError, type AdminContext } from "./admin-context";

const OPERATOR = { userId: null, label: "Operator (admin CLI)" };

const createArgs = z.object({
  name: newApiKeySchema.shape.name,
  scope: z.array(apiScopeSchema).min(1),
  tenant: z.string().trim().min(1).optional(),
});
const ownerArgs = z.object({ tenant: z.string().trim().min(1).optional() });
const keyRef = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]{6,80}$/, "expected a key id or its sb_live_… prefix");

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "argument"}: ${issue.message}`).join("; "));
  }
  return parsed.data;
}

async function tenantIdOf(context: AdminContext, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  const tenant = await context.db().tenant.findUnique({ where: { slug }, select: { id: true } });
  if (!tenant) throw new UsageError(`no tenant with slug "${slug}"`);
  return tenant.id;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerApiKeyCommands(program: Command, context: AdminContext): void {
  const group = program.command("api-key").description("API keys for /api/v1 (operator keys reach every tenant)");

  group
    .command("create")
    .description("create a key and print it once")
    .requiredOption("--name <name>", "what the key is for")
    .requiredOption("--scope <scope>", `repeatable: ${apiScopes.join(", ")}`, collect)
    .option("--tenant <slug>", "a tenant's key instead of an operator key")
    .action(async (options: unknown) => {
      const args = parse(createArgs, options);
      const tenantId = await tenantIdOf(context, args.tenant);
      try {
        const { key, summary } = await createApiKey(context.db(), { tenantId, name: args.name, scopes: args.scope, creator: OPERATOR });
        context.out(key);
        context.out(
          `created ${summary.prefix} (${summary.id}) scopes=${summary.scopes.join(",")} — store the key now, it is not shown again`,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === "invalid_input") throw new UsageError(error.message);
        throw error;
      }
    });

  group
    .command("list")
    .description("list keys (never their secrets)")
    .option("--tenant <slug>", "a tenant's keys instead of operator keys")
    .action(async (options: unknown) => {
      const tenantId = await tenantIdOf(context, parse(ownerArgs, options).tenant);
      const keys = await listApiKeys(context.db(), tenantId);
      if (keys.length === 0) context.out("no keys");
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
        const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : "never";
        context.out(`${key.prefix}  ${key.id}  ${state}  last-used=${used}  scopes=${key.scopes.join(",")}  ${key.name}`);
      }
    });

  group
    .command("revoke")
    .description("revoke a key at once")
    .argument("<key>", "the key's id or its sb_live_… prefix")
    .option("--tenant <slug>", "the key belongs to this tenant")
    .action(async (ref: string, options: unknown) => {
      const tenantId = await tenantIdOf(context, parse(ownerArgs, options).tenant);
      try {
        const revoked = await revokeApiKey(context.db(), tenantId, parse(keyRef, ref), OPERATOR);
        context.out(`revoked ${revoked.prefix}`);
      } catch (error) {
        if (error instanceof AppError && error.code === "not_found") throw new UsageError(error.message);
        throw error;
      }
    });
}
