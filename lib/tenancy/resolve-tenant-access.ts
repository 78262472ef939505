// The single membership decision behind every tenant page, action and route: may this user act in
// this tenant with at least this role? Takes the database explicitly so it is testable on a real one.
import type { Db } from "@/lib/db/create-client";
import { isRole, roleAtLeast, type Role } from "./roles";

export type TenantAccess = {
  user: { id: string; email: string; name: string | null };
  tenant: { id: string; slug: string; name: string };
  role: Role;
};

export type TenantAccessDecision =
  | { allowed: true; access: TenantAccess }
  // Unknown tenant and non-member are deliberately one reason: callers must not tell them apart.
  | { allowed: false; reason: "not-a-member" | "insufficient-role" };

export async function resolveTenantAccess(
  db: Db,
  userId: string,
  tenantSlug: string,
  minRole: Role = "MEMBER",
): Promise<TenantAccessDecision> {
  const membership = await db.membership.findFirst({
    where: { userId, tenant: { slug: tenantSlug } },
    select: {
      role: true,
      user: { select: { id: true, email: true, name: true } },
      tenant: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!membership || !isRole(membership.role)) return { allowed: false, reason: "not-a-member" };
  if (!roleAtLeast(membership.role, minRole)) return { allowed: false, reason: "insufficient-role" };
  return {
    allowed: true,
    access: { user: membership.user, tenant: membership.tenant, role: membership.role },
  };
}
