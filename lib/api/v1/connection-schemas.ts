// What /api/v1 says about connections: the shapes routes return, registered (by id) in the OpenAPI document.
import { z } from "zod";

export const connectionStatusSchema = z.enum(["connected", "needs_reconnect", "degraded"]).meta({ id: "ConnectionStatus" });

export const connectionSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    provider: z.string().describe("Always hubspot for now"),
    portalId: z.string().describe("The HubSpot portal (hub) id"),
    domain: z.string().nullable().describe("The portal's domain, e.g. example.com"),
    status: connectionStatusSchema,
    statusReason: z.string().nullable().describe("Why the connection is not healthy, for showing to the tenant"),
    scopes: z.array(z.string()).describe("OAuth scopes HubSpot granted"),
    accessTokenExpiresAt: z.iso.datetime().nullable(),
    lastTest: z
      .object({ at: z.iso.datetime(), ok: z.boolean(), latencyMs: z.number().int().nullable(), message: z.string().nullable() })
      .nullable()
      .describe("The latest connection test, if any"),
    connectedAt: z.iso.datetime(),
  })
  .meta({ id: "Connection" });

export const connectionListSchema = z
  .object({ items: z.array(connectionSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ConnectionList" });

export const accessTokenSchema = z
  .object({
    connectionId: z.string(),
    portalId: z.string(),
    accessToken: z
      .string()
      .describe("A HubSpot OAuth access token valid until expiresAt; use it as `Authorization: Bearer …` against HubSpot"),
    expiresAt: z.iso.datetime().nullable(),
    tokenType: z.literal("bearer"),
  })
  .meta({ id: "AccessToken" });

type ConnectionRow = {
  id: string;
  tenantId: string;
  provider: string;
  portalId: string;
  accountDomain: string | null;
  status: "CONNECTED" | "NEEDS_RECONNECT" | "DEGRADED";
  statusReason: string | null;
  grantedScopes: string;
  accessTokenExpiresAt: Date | null;
  lastTestAt: Date | null;
  lastTestOk: boolean | null;
  lastTestLatencyMs: number | null;
  lastTestMessage: string | null;
  connectedAt: Date;
  createdAt: Date;
};

/** Exactly the columns the API shows: never a ciphertext, a lease or a user id. */
export const connectionSelect = {
  id: true,
  tenantId: true,
  provider: true,
  portalId: true,
  accountDomain: true,
  status: true,
  statusReason: true,
  grantedScopes: true,
  accessTokenExpiresAt: true,
  lastTestAt: true,
  lastTestOk: true,
  lastTestLatencyMs: true,
  lastTestMessage: true,
  connectedAt: true,
  createdAt: true,
} as const;

export function connectionView(row: ConnectionRow): z.input<typeof connectionSchema> {
  return {
    id: row.id,
    tenantId: row.tenantId,
    provider: row.provider,
    portalId: row.portalId,
    domain: row.accountDomain,
    status: row.status.toLowerCase() as z.infer<typeof connectionStatusSchema>,
    statusReason: row.statusReason,
    scopes: row.grantedScopes.split(/\s+/).filter(Boolean),
    accessTokenExpiresAt: row.accessTokenExpiresAt?.toISOString() ?? null,
    lastTest: row.lastTestAt
      ? { at: row.lastTestAt.toISOString(), ok: row.lastTestOk ?? false, latencyMs: row.lastTestLatencyMs, message: row.lastTestMessage }
      : null,
    connectedAt: row.connectedAt.toISOString(),
  };
}

export const connectionEventSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    type: z.enum(["connected", "reconnected", "degraded", "recovered", "needs_reconnect", "disconnected"]),
    reason: z.string().nullable().describe("Why, for showing to the tenant"),
    actor: z.string().describe("Who or what made the change (a person, an API caller's end user, or Switchboard itself)"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ConnectionEvent" });

export const connectionEventListSchema = z
  .object({ items: z.array(connectionEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ConnectionEventList" });

export const disconnectionSchema = z
  .object({
    connectionId: z.string(),
    portalId: z.string(),
    revoked: z.boolean().describe("HubSpot confirmed Switchboard's grant was revoked"),
    uninstalled: z
      .boolean()
      .describe("The app was also uninstalled from the portal (no other tenant used its installation); false: revoked only"),
    message: z.string().describe("What happened, in a sentence to show the tenant"),
  })
  .meta({ id: "Disconnection" });
