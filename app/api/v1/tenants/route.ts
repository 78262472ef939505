// GET/POST /api/v1/tenants — operator keys list and create tenants (lib/api/v1/tenant-routes.ts).
import { createTenant, listTenants } from "@switchboard/lib/api/v1/tenant-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(listTenants, createTenant);
