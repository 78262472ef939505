// POST /api/v1/tenants/{tenantId}/invitations — operator keys invite a person into a tenant (lib/api/v1/tenant-routes.ts).
import { inviteTenantMember } from "@switchboard/lib/api/v1/tenant-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(inviteTenantMember);
