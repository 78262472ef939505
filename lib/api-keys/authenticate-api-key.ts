// Bearer key → the caller: which tenant (or every tenant, for operator keys) and which scopes.
// Looked up on every request (no cache), so a revocation takes effect on the very next call.
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import { keyMatchesHash, prefixOf } from "./api-key-format";
import { parseStoredScopes, type ApiScope } from "./scopes";

export type ApiCaller = {
  keyId: string;
  prefix: string;
  /** null: an operator key, which may act on every tenant. */
  tenantId: string | null;
  scopes: ReadonlySet<ApiScope>;
  /** Names the key in audit events and logs by its name and id (never its secret). */
  label: string;
};

// lastUsedAt is for people ("used 2 minutes ago"): writing it at most once a minute keeps a hot key
// from turning every API call into a database write.
const LAST_USED_RESOLUTION_MS = 60_000;

const UNAUTHENTICATED = "Send a valid API key as `Authorization: Bearer sb_live_…`.";

export async function authenticateApiKey(db: Db, authorization: string | null): Promise<ApiCaller> {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  const prefix = key ? prefixOf(key) : null;
  if (!key || !prefix) throw new AppError("unauthenticated", UNAUTHENTICATED);
  const row = await db.apiKey.findUnique({
    where: { prefix },
    select: { id: true, tenantId: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true, name: true },
  });
  if (!row || row.revokedAt || !keyMatchesHash(key, row.secretHash)) {
    throw new AppError("unauthenticated", "This API key is unknown or was revoked.");
  }
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    keyId: row.id,
    prefix,
    tenantId: row.tenantId,
    scopes: new Set(parseStoredScopes(row.scopes)),
    label: `API key "${row.name}" (${row.id})`,
  };
}
