// A connection's tokens at rest: sealing and opening them, and the slice of the row the token
// logic reads. The binding (tenant, connection, field) is what makes a ciphertext copied to
// another row or column useless.
import { decryptToken, encryptToken, TokenDecryptionError, type TokenField } from "@/lib/crypto/token-cipher";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { UndecryptableTokenError } from "../errors";

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
    ...(tokens.refreshToken ? { refreshTokenCiphertext: sealToken(ring, connection, "refreshToken", tokens.refreshToken) } : {}),
  };
}

const TOKEN_ROW = {
  id: true,
  tenantId: true,
  provider: true,
  portalId: true,
  status: true,
  accessTokenCiphertext: true,
  refreshTokenCiphertext: true,
  accessTokenExpiresAt: true,
  lastRefreshedAt: true,
  consecutiveFailures: true,
  tokenVersion: true,
} as const;

export async function loadTokenRow(db: Db, connectionId: string) {
  return db.connection.findUnique({ where: { id: connectionId }, select: TOKEN_ROW });
}

/** Many connections' rows in one query (a sync pass's tenants); a connection that is gone is absent. */
export async function loadTokenRows(db: Db, connectionIds: readonly string[]): Promise<Map<string, TokenRow>> {
  if (connectionIds.length === 0) return new Map();
  const rows = await db.connection.findMany({ where: { id: { in: [...connectionIds] } }, select: TOKEN_ROW });
  return new Map(rows.map((row) => [row.id, row]));
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof loadTokenRow>>>;

export function openAccessToken(ring: KeyRing, row: TokenRow): string {
  try {
    return openToken(ring, row, "accessToken", row.accessTokenCiphertext ?? "");
  } catch (error) {
    if (error instanceof TokenDecryptionError) {
      throw new UndecryptableTokenError("The stored token cannot be decrypted with the configured keys", row.id);
    }
    throw error;
  }
}
