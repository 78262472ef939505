// The slice of a Connection row the token logic reads, and how its access token is opened.
import { TokenDecryptionError } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/create-client";
import { openToken } from "./connection-secrets";
import { UndecryptableTokenError } from "./errors";
import type { IntegrationServices } from "./services";

export async function loadTokenRow(db: Db, connectionId: string) {
  return db.connection.findUnique({
    where: { id: connectionId },
    select: {
      id: true, tenantId: true, provider: true, portalId: true, status: true,
      accessTokenCiphertext: true, refreshTokenCiphertext: true, accessTokenExpiresAt: true,
      lastRefreshedAt: true, consecutiveFailures: true, tokenVersion: true,
    },
  });
}

export type TokenRow = NonNullable<Awaited<ReturnType<typeof loadTokenRow>>>;

export function openAccessToken(services: Pick<IntegrationServices, "keyRing">, row: TokenRow): string {
  try {
    return openToken(services.keyRing, row, "accessToken", row.accessTokenCiphertext ?? "");
  } catch (error) {
    if (error instanceof TokenDecryptionError) {
      throw new UndecryptableTokenError("The stored token cannot be decrypted with the configured keys", row.id);
    }
    throw error;
  }
}
