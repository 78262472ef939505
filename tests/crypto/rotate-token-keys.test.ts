// Key rotation end to end: tokens sealed with an old key are re-encrypted by `npm run keys:rotate`
// (run as the real command) and then decrypt with the new key alone.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { formatKeyRing, parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { ciphertextKeyId } from "@switchboard/lib/crypto/token-cipher";
import { openToken, sealTokenSet } from "@switchboard/lib/integrations/tokens/stored-tokens";

const run = promisify(execFile);
const oldKey = { id: "old", key: randomBytes(32) };
const newKey = { id: "new", key: randomBytes(32) };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("sqlite");
});
afterAll(async () => database?.drop());

describe("npm run keys:rotate", () => {
  it("re-encrypts every token with the active key, leaving plaintext unchanged", async () => {
    const db = database.db;
    const { tenant } = await seedTenant(db, { people: [] });
    const oldRing = parseKeyRing(formatKeyRing([oldKey]));
    for (const portal of ["1", "2"]) {
      const id = `conn-${portal}`;
      await db.connection.create({
        data: {
          id,
          tenantId: tenant.id,
          provider: "hubspot",
          portalId: portal,
          ...sealTokenSet(oldRing, { id, tenantId: tenant.id }, { accessToken: `access-${portal}`, refreshToken: `refresh-${portal}` }),
        },
      });
    }
    const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=source", "scripts/rotate-token-keys.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString("base64"),
        TOKEN_ENCRYPTION_KEYS: formatKeyRing([newKey, oldKey]),
      },
    });
    expect(stdout).toContain('Active key "new": 2 connection(s) re-encrypted');
    const newOnly = parseKeyRing(formatKeyRing([newKey]));
    for (const row of await db.connection.findMany({})) {
      expect(ciphertextKeyId(row.accessTokenCiphertext ?? "")).toBe("new");
      expect(ciphertextKeyId(row.refreshTokenCiphertext ?? "")).toBe("new");
      expect(openToken(newOnly, row, "refreshToken", row.refreshTokenCiphertext ?? "")).toBe(`refresh-${row.portalId}`);
    }
  });

  it("refuses to start without a key in production", async () => {
    const failure = await run("node_modules/.bin/tsx", ["--conditions=source", "scripts/rotate-token-keys.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        AUTH_SECRET: randomBytes(32).toString("base64"),
        TOKEN_ENCRYPTION_KEYS: "",
      },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("TOKEN_ENCRYPTION_KEYS") });
  });
});
