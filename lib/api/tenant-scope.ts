// Which tenant an API call may touch. A tenant key reaches its own tenant only; an operator key
// reaches any tenant. Another tenant's objects answer exactly like missing ones (404).
import { AppError } from "@/lib/app-error";
import type { ApiCaller } from "@/lib/api-keys/authenticate-api-key";

/** The tenant filter for lists: the key's tenant, the operator's requested one, or every tenant. */
export function tenantFilter(caller: ApiCaller, requestedTenantId?: string): { tenantId?: string } {
  if (caller.tenantId) {
    if (requestedTenantId && requestedTenantId !== caller.tenantId) throw AppError.notFound("That tenant");
    return { tenantId: caller.tenantId };
  }
  return requestedTenantId ? { tenantId: requestedTenantId } : {};
}

/** The one tenant a write goes to: a tenant key's own, or the tenantId an operator key must name. */
export function targetTenant(caller: ApiCaller, requestedTenantId?: string): string {
  if (caller.tenantId) {
    if (requestedTenantId && requestedTenantId !== caller.tenantId) throw AppError.notFound("That tenant");
    return caller.tenantId;
  }
  if (!requestedTenantId) {
    throw new AppError("invalid_input", "Operator keys must name the tenant.", {
      fieldErrors: { tenantId: ["Required for operator keys."] },
    });
  }
  return requestedTenantId;
}

/** May this caller see an object of that tenant? (Else: 404, never 403.) */
export function canReach(caller: ApiCaller, tenantId: string | null): boolean {
  return caller.tenantId === null || caller.tenantId === tenantId;
}
