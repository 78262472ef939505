// The slice of a tenant that anonymous visitors may cause us to read: never members or tokens.
import type { Db } from "@/lib/db/create-client";

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  consentText: string;
  allowedOrigins: string[];
}

export async function findPublicTenant(db: Db, slug: string): Promise<PublicTenant | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(slug)) return null;
  const tenant = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, consentText: true, allowedOrigins: true },
  });
  if (!tenant) return null;
  return { ...tenant, allowedOrigins: parseAllowedOrigins(tenant.allowedOrigins) };
}

/** Stored one per line; anything that is not a bare http(s) origin is ignored. */
export function parseAllowedOrigins(stored: string): string[] {
  return stored
    .split(/[\s,]+/)
    .map((line) => canonicalOrigin(line))
    .filter((origin): origin is string => origin !== null);
}

export function canonicalOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    // An origin is scheme + host + port; a path, query or credentials mean the admin typed a URL.
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
