// Endpoint signing secrets: `whsec_` + base64 of 24 random bytes (the Standard Webhooks format),
// stored sealed with the token key ring and bound to the endpoint's row, like OAuth tokens.
import { randomBytes } from "node:crypto";
import { decryptToken, encryptToken } from "@/lib/crypto/token-cipher";
import type { KeyRing } from "@/lib/crypto/key-ring";

export function newEndpointSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

// Operator endpoints have no tenant; "operator" cannot collide with a cuid.
const binding = (endpoint: { id: string; tenantId: string | null }) => ({
  tenantId: endpoint.tenantId ?? "operator",
  connectionId: `webhook-endpoint:${endpoint.id}`,
  field: "webhookSecret" as const,
});

export function sealEndpointSecret(ring: KeyRing, endpoint: { id: string; tenantId: string | null }, secret: string): string {
  return encryptToken(ring, secret, binding(endpoint));
}

export function openEndpointSecret(ring: KeyRing, endpoint: { id: string; tenantId: string | null }, sealed: string): string {
  return decryptToken(ring, sealed, binding(endpoint));
}
