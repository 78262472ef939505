// The public API looks its tenant up on every request; a two-second memory keeps that query off
// the hot path under load. Settings edits (origins, consent text) apply within those seconds.
import type { Db } from "@/lib/db/create-client";
import { findPublicTenant, type PublicTenant } from "../public-tenant";

const TTL_MS = 2_000;
// Bounded, so requests for endless made-up slugs cannot grow memory.
const MAX_ENTRIES = 1_000;

const remembered = new Map<string, { tenant: PublicTenant | null; expiresAt: number }>();

export async function cachedPublicTenant(db: Db, slug: string): Promise<PublicTenant | null> {
  const now = Date.now();
  const hit = remembered.get(slug);
  if (hit && hit.expiresAt > now) return hit.tenant;
  const tenant = await findPublicTenant(db, slug);
  if (remembered.size >= MAX_ENTRIES) remembered.clear();
  remembered.set(slug, { tenant, expiresAt: now + TTL_MS });
  return tenant;
}
