// Sealing and opening a connection's tokens. The binding (tenant, connection, field) is what
// makes a ciphertext copied to another row or column useless.
import { decryptToken, encryptToken, type TokenField } from "@/lib/crypto/token-cipher";
import type { KeyRing } from "@/lib/crypto/key-ring";

export type ConnectionRef = { id: string; tenantId: string };

export function sealToken(ring: KeyRing, connection: ConnectionRef, field: TokenField, plaintext: string): string {
  return encryptToken(ring, plaintext, { tenantId: connection.tenantId, connectionId: connection.id, field });
}

export function openToken(ring: KeyRing, connection: ConnectionRef, field: TokenField, sealed: string): string {
  return decryptToken(ring, sealed, { tenantId: connection.tenantId, connectionId: connection.id, field });
}

export function sealTokenSet(
  ring: KeyRing,
  connection: ConnectionRef,
  tokens: { accessToken: string; refreshToken?: string },
): { accessTokenCiphertext: string; refreshTokenCiphertext?: string } {
  return {
    accessTokenCiphertext: sealToken(ring, connection, "accessToken", tokens.accessToken),
    ...(tokens.refreshToken
      ? { refreshTokenCiphertext: sealToken(ring, connection, "refreshToken", tokens.refreshToken) }
      : {}),
  };
}
