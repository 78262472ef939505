// GET/PATCH/DELETE /api/v1/tenants/{tenantId} — operator keys manage one tenant (lib/api/v1/tenant-routes.ts).
import { deleteTenant, getTenant, updateTenant } from "@switchboard/lib/api/v1/tenant-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(getTenant, updateTenant, deleteTenant);
