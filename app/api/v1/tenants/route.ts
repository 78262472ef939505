// GET/POST /api/v1/tenants — operator keys list and create tenants (lib/api/v1/tenant-routes.ts).
import { createTenant, listTenants } from "@switchboard/lib/api/v1/tenant-routes";

export const GET = listTenants.handle;
export const POST = createTenant.handle;
