// What an API key may do. Tenant keys get any scope but tenants:admin; operator keys (no tenant)
// may hold every scope and reach every tenant.
import { z } from "zod";

export const apiScopes = [
  "connections:read",
  "connections:token",
  "connections:write",
  "signups:read",
  "signups:write",
  "webhooks:manage",
  "tenants:admin",
] as const;

export type ApiScope = (typeof apiScopes)[number];

export const OPERATOR_ONLY_SCOPES: readonly ApiScope[] = ["tenants:admin"];

export const tenantKeyScopes = apiScopes.filter((scope) => !OPERATOR_ONLY_SCOPES.includes(scope));

export const apiScopeSchema = z.enum(apiScopes);

export function isApiScope(value: string): value is ApiScope {
  return (apiScopes as readonly string[]).includes(value);
}

/** Stored as one space-separated string; unknown words (from an older version) are dropped. */
export function parseStoredScopes(stored: string): ApiScope[] {
  return stored.split(/\s+/).filter(isApiScope);
}

export function describeScope(scope: ApiScope): string {
  switch (scope) {
    case "connections:read":
      return "List connections and their health";
    case "connections:token":
      return "Get a fresh HubSpot access token for a connection";
    case "connections:write":
      return "Create connect sessions (connect or reconnect a portal) and disconnect connections";
    case "signups:read":
      return "List and read signups";
    case "signups:write":
      return "Create signups and retry failed ones";
    case "webhooks:manage":
      return "Manage webhook endpoints and their deliveries";
    case "tenants:admin":
      return "Create, change and delete tenants (operator keys only)";
  }
}
