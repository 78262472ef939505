// `npm run keys:rotate` for webhook signing secrets: re-seals every endpoint's secret (and the
// previous one, during a rotation's grace period) with the active key, like the OAuth tokens.
// Each row is rewritten only if its ciphertexts are still the ones read.
import { ciphertextKeyId } from "@/lib/crypto/token-cipher";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { openEndpointSecret, sealEndpointSecret } from "./endpoint-secret";

export async function rotateEndpointKeys(db: Db, ring: KeyRing): Promise<{ reencrypted: number; failed: string[] }> {
  const rows = await db.webhookEndpoint.findMany({
    select: { id: true, tenantId: true, secretCiphertext: true, previousSecretCiphertext: true },
  });
  const report = { reencrypted: 0, failed: [] as string[] };
  const reseal = (row: (typeof rows)[number], sealed: string) =>
    ciphertextKeyId(sealed) === ring.active.id ? sealed : sealEndpointSecret(ring, row, openEndpointSecret(ring, row, sealed));
  for (const row of rows) {
    try {
      const secretCiphertext = reseal(row, row.secretCiphertext);
      const previousSecretCiphertext = row.previousSecretCiphertext ? reseal(row, row.previousSecretCiphertext) : null;
      if (secretCiphertext === row.secretCiphertext && previousSecretCiphertext === row.previousSecretCiphertext) continue;
      const { count } = await db.webhookEndpoint.updateMany({
        where: { id: row.id, secretCiphertext: row.secretCiphertext, previousSecretCiphertext: row.previousSecretCiphertext },
        data: { secretCiphertext, previousSecretCiphertext },
      });
      report.reencrypted += count;
    } catch {
      report.failed.push(row.id);
    }
  }
  return report;
}
