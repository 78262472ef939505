// Creating, listing and revoking API keys, for the operator CLI (tenantId null) and the tenant's
// Developers page alike. The plaintext key exists only in the value createApiKey returns.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { displayTextSchema } from "@/lib/display-text";
import { recordChange } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/create-client";
import { mintApiKey } from "./api-key-format";
import { apiScopeSchema, OPERATOR_ONLY_SCOPES, parseStoredScopes, type ApiScope } from "./scopes";

export type KeyCreator = { userId: string | null; label: string };

export const newApiKeySchema = z.strictObject({
  name: displayTextSchema({ label: "Key name", min: 1, tooShort: "Give the key a name.", max: 100 }),
  scopes: z.array(apiScopeSchema, { error: "Pick known scopes." }).min(1, "Pick at least one scope."),
});

export type ApiKeySummary = {
  id: string;
  tenantId: string | null;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdByLabel: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summarySelect = {
  id: true,
  tenantId: true,
  name: true,
  prefix: true,
  scopes: true,
  createdByLabel: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function createApiKey(
  db: Db,
  input: { tenantId: string | null; name: string; scopes: ApiScope[]; creator: KeyCreator },
): Promise<{ key: string; summary: ApiKeySummary }> {
  const parsed = newApiKeySchema.safeParse({ name: input.name, scopes: input.scopes });
  if (!parsed.success) throw AppError.invalidInput(parsed.error);
  const scopes = [...new Set(parsed.data.scopes)];
  if (input.tenantId && scopes.some((scope) => OPERATOR_ONLY_SCOPES.includes(scope))) {
    throw new AppError("invalid_input", "Only operator keys may hold tenants:admin.", {
      fieldErrors: { scopes: ["tenants:admin is for operator keys only."] },
    });
  }
  const minted = mintApiKey();
  const row = await db.apiKey.create({
    data: {
      tenantId: input.tenantId,
      name: parsed.data.name,
      prefix: minted.prefix,
      secretHash: minted.secretHash,
      scopes: scopes.join(" "),
      createdByUserId: input.creator.userId,
      createdByLabel: input.creator.label,
    },
    select: summarySelect,
  });
  await recordChange(db, input.creator, {
    tenantId: row.tenantId,
    action: "api_key_created",
    detail: `Key ${row.prefix}… "${row.name}" created with ${scopes.join(", ")}`,
  });
  return { key: minted.key, summary: toSummary(row) };
}

export async function listApiKeys(db: Db, tenantId: string | null): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({ where: { tenantId }, select: summarySelect, orderBy: { createdAt: "desc" } });
  return rows.map(toSummary);
}

/** Revokes a key of this owner (a tenant, or null for operator keys). Effective on the next request. */
export async function revokeApiKey(db: Db, tenantId: string | null, keyRef: string, actor: KeyCreator): Promise<ApiKeySummary> {
  const row = await db.apiKey.findFirst({ where: { tenantId, OR: [{ id: keyRef }, { prefix: keyRef }] }, select: summarySelect });
  if (!row) throw AppError.notFound("That API key");
  if (row.revokedAt) return toSummary(row);
  const revoked = await db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: summarySelect });
  await recordChange(db, actor, { tenantId: row.tenantId, action: "api_key_revoked", detail: `Key ${row.prefix}… "${row.name}" revoked` });
  return toSummary(revoked);
}

function toSummary(row: { scopes: string } & Omit<ApiKeySummary, "scopes">): ApiKeySummary {
  return { ...row, scopes: parseStoredScopes(row.scopes) };
}
