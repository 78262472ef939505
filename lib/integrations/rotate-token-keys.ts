// Re-encrypts every stored token with the active key, so an old key can be dropped from
// TOKEN_ENCRYPTION_KEYS. Safe while the app runs: each row is rewritten only if its ciphertexts
// are still the ones we read (a concurrent refresh wins and already used the active key).
import { ciphertextKeyId } from "@/lib/crypto/token-cipher";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { openToken, sealToken } from "./tokens/stored-tokens";

export type RotationReport = { scanned: number; reencrypted: number; alreadyCurrent: number; failed: string[] };

export async function rotateTokenKeys(db: Db, ring: KeyRing): Promise<RotationReport> {
  const report: RotationReport = { scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: [] };
  const rows = await db.connection.findMany({
    select: { id: true, tenantId: true, accessTokenCiphertext: true, refreshTokenCiphertext: true },
    orderBy: { id: "asc" },
  });
  for (const row of rows) {
    report.scanned++;
    const fields = [
      ["accessToken", row.accessTokenCiphertext],
      ["refreshToken", row.refreshTokenCiphertext],
    ] as const;
    const stale = fields.filter(([, sealed]) => sealed && ciphertextKeyId(sealed) !== ring.active.id);
    if (stale.length === 0) {
      report.alreadyCurrent++;
      continue;
    }
    try {
      const data: { accessTokenCiphertext?: string; refreshTokenCiphertext?: string } = {};
      for (const [field, sealed] of stale) {
        data[`${field}Ciphertext`] = sealToken(ring, row, field, openToken(ring, row, field, sealed ?? ""));
      }
      const { count } = await db.connection.updateMany({
        where: { id: row.id, accessTokenCiphertext: row.accessTokenCiphertext, refreshTokenCiphertext: row.refreshTokenCiphertext },
        data,
      });
      if (count === 1) report.reencrypted++;
      else report.alreadyCurrent++; // rewritten meanwhile by a refresh, which sealed with the active key
    } catch {
      // Undecryptable with every configured key: keep the row as it is and name it.
      report.failed.push(row.id);
    }
  }
  return report;
}
