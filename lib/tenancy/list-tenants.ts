// The tenants a user belongs to, for the tenant switcher and the post-sign-in landing page.
import type { Db } from "@/lib/db/create-client";
import { isRole, type Role } from "./roles";

export type TenantSummary = { id: string; slug: string; name: string; role: Role };

export async function listTenantsForUserIn(db: Db, userId: string): Promise<TenantSummary[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, tenant: { select: { id: true, slug: true, name: true } } },
    orderBy: [{ tenant: { name: "asc" } }, { tenant: { slug: "asc" } }],
  });
  return memberships.flatMap(({ role, tenant }) => (isRole(role) ? [{ ...tenant, role }] : []));
}
