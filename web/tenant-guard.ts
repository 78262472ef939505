// The tenancy guard of pages: session → membership → role, or the 404 page (server actions go
// through web/tenant-action.ts, which makes the same decision). Data access afterwards must still filter by `tenant.id`.
import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { auth } from "@/web/auth";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { listTenantsForUserIn, type TenantSummary } from "@switchboard/lib/tenancy/list-tenants";
import { resolveTenantAccess, type TenantAccess } from "@switchboard/lib/tenancy/resolve-tenant-access";
import type { Role } from "@switchboard/lib/tenancy/roles";

export type { TenantAccess, TenantSummary, Role };
export type TenantAccessOptions = { minRole?: Role };

// Memoized per request, so a layout and its page share one session read and one query.
const decide = cache(async (tenantSlug: string, minRole: Role) => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { allowed: false as const, reason: "signed-out" as const };
  return resolveTenantAccess(db, userId, tenantSlug, minRole);
});

/** Pages and server actions: the caller's access, or the 404 page for anyone else. */
export async function requireTenantAccess(tenantSlug: string, options: TenantAccessOptions = {}): Promise<TenantAccess> {
  const decision = await decide(tenantSlug, options.minRole ?? "MEMBER");
  if (!decision.allowed) notFound();
  return decision.access;
}

/** Route handlers that answer for themselves (e.g. a CSV download): the access, or null for a 404. */
export async function findTenantAccess(tenantSlug: string, options: TenantAccessOptions = {}): Promise<TenantAccess | null> {
  const decision = await decide(tenantSlug, options.minRole ?? "MEMBER");
  return decision.allowed ? decision.access : null;
}

/** The signed-in user's tenants (empty when signed out). */
export async function listTenantsForUser(userId: string): Promise<TenantSummary[]> {
  return listTenantsForUserIn(db, userId);
}
