// keys:rotate covers webhook signing secrets: after adding a new first key and rotating, every secret
// is sealed with it and still opens to the same value.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatKeyRing, parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { ciphertextKeyId } from "@switchboard/lib/crypto/token-cipher";
import { openEndpointSecret, sealEndpointSecret } from "@switchboard/lib/webhooks/endpoint-secret";
import { rotateEndpointKeys } from "@switchboard/lib/webhooks/rotate-endpoint-keys";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

describe.each(testProviders)("webhook secret key rotation on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  it("re-seals current and previous secrets with the active key", async () => {
    const old = { id: "old", key: randomBytes(32) };
    const oldRing = parseKeyRing(formatKeyRing([old]));
    const endpoint = { id: "we_rotate", tenantId: null };
    await database.db.webhookEndpoint.create({
      data: {
        ...endpoint,
        url: "https://example.com/h",
        secretCiphertext: sealEndpointSecret(oldRing, endpoint, "whsec_current"),
        previousSecretCiphertext: sealEndpointSecret(oldRing, endpoint, "whsec_previous"),
      },
    });
    const newRing = parseKeyRing(formatKeyRing([{ id: "new", key: randomBytes(32) }, old]));
    expect(await rotateEndpointKeys(database.db, newRing)).toEqual({ reencrypted: 1, failed: [] });
    const row = await database.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(ciphertextKeyId(row.secretCiphertext)).toBe("new");
    expect(openEndpointSecret(newRing, endpoint, row.secretCiphertext)).toBe("whsec_current");
    expect(openEndpointSecret(newRing, endpoint, row.previousSecretCiphertext ?? "")).toBe("whsec_previous");
    expect(await rotateEndpointKeys(database.db, newRing)).toEqual({ reencrypted: 0, failed: [] });
  });
});
