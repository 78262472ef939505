import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { BCRYPT_COST, DUMMY_PASSWORD_HASH, hashPassword, normalizeEmail, verifyPassword } from "@switchboard/lib/auth/password";

describe("password hashing", () => {
  it("hashes with bcrypt at cost 12 and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(bcrypt.getRounds(hash)).toBe(BCRYPT_COST);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats a corrupt stored hash as a wrong password", async () => {
    expect(await verifyPassword("anything", "not-a-bcrypt-hash")).toBe(false);
  });

  it("compares unknown emails against a dummy hash of the same cost", async () => {
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(BCRYPT_COST);
    expect(await verifyPassword("switchboard-demo", DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it("normalizes emails so case and spaces do not create a second identity", () => {
    expect(normalizeEmail("  Admin@Contoso.TEST ")).toBe("admin@contoso.test");
  });
});
