"use server";
// API keys of the Developers page (OWNER/ADMIN), through the one tenant-action wrapper. The new key
// comes back once in `reveal`; only its hash is stored.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { tenantKeyScopes } from "@switchboard/lib/api-keys/scopes";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { tenantAction } from "@/web/tenant-action";

const scopeFields = Object.fromEntries(tenantKeyScopes.map((scope) => [`scope:${scope}`, z.literal("on").optional()]));

export const createTenantApiKey = tenantAction(
  { minRole: "ADMIN", fields: { name: z.string().max(200), ...scopeFields } },
  async (input, { tenant, actor }) => {
    const fields = input as Record<string, unknown>;
    const scopes = tenantKeyScopes.filter((scope) => fields[`scope:${scope}`] === "on");
    const { key, summary } = await createApiKey(db, {
      tenantId: tenant.id,
      name: input.name,
      scopes,
      creator: { userId: actor.id, label: actor.label },
    });
    revalidatePath(`/t/${tenant.slug}/developers`);
    return { ok: true, message: `Key ${summary.prefix}… created. Copy it now: it will not be shown again.`, reveal: key };
  },
);

export const revokeTenantApiKey = tenantAction(
  { minRole: "ADMIN", fields: { apiKeyId: z.string().trim().min(1).max(100) } },
  async ({ apiKeyId }, { tenant, actor }) => {
    const revoked = await revokeApiKey(db, tenant.id, apiKeyId, { userId: actor.id, label: actor.label });
    revalidatePath(`/t/${tenant.slug}/developers`);
    return { ok: true, message: `Key ${revoked.prefix}… revoked.` };
  },
);
