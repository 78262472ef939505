// GET/PATCH/DELETE /api/v1/tenants/{tenantId} — operator keys manage one tenant (lib/api/v1/tenant-routes.ts).
import { deleteTenant, getTenant, updateTenant } from "@switchboard/lib/api/v1/tenant-routes";

export const GET = getTenant.handle;
export const PATCH = updateTenant.handle;
export const DELETE = deleteTenant.handle;
