// POST /api/v1/tenants/{tenantId}/invitations — operator keys invite a person into a tenant (lib/api/v1/tenant-routes.ts).
import { inviteTenantMember } from "@switchboard/lib/api/v1/tenant-routes";

export const POST = inviteTenantMember.handle;
