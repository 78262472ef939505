// Which tenant an MCP session acts for. A tenant key acts for its own tenant; an operator key must
// name one in the X-Switchboard-Tenant header (its id or slug) on every request of the session, and
// from then on acts exactly like a key of that tenant — so every tool inherits /api/v1's isolation.
import { AppError } from "@/lib/app-error";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";
import type { Db } from "@/lib/db/create-client";

export const TENANT_HEADER = "x-switchboard-tenant";

export type TenantCaller = ApiCaller & { tenantId: string };

export async function tenantCallerOf(db: Db, caller: ApiCaller, named: string | null): Promise<TenantCaller> {
  const wanted = named?.trim() || null;
  if (caller.tenantId) {
    if (wanted && wanted !== caller.tenantId) {
      const tenant = await db.tenant.findUnique({ where: { slug: wanted }, select: { id: true } });
      if (tenant?.id !== caller.tenantId) throw AppError.notFound("That tenant");
    }
    return { ...caller, tenantId: caller.tenantId };
  }
  if (!wanted) {
    throw new AppError("invalid_input", `Operator keys must name the tenant in the ${TENANT_HEADER} header (its id or slug).`, {
      fieldErrors: { [TENANT_HEADER]: ["Required for operator keys."] },
    });
  }
  const tenant = await db.tenant.findFirst({ where: { OR: [{ id: wanted }, { slug: wanted }] }, select: { id: true } });
  if (!tenant) throw AppError.notFound("That tenant");
  return { ...caller, tenantId: tenant.id };
}
