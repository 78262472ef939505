// The shared createTestDatabase helper: fresh, migrated, isolated, resettable and really dropped.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testProviders } from "../helpers/databases";
import { adminQuery } from "../prisma-offline/postgres-admin";

describe.each(testProviders)("createTestDatabase(%s)", (provider) => {
  it("gives a migrated database that reset() empties and drop() removes", async () => {
    const first = await createTestDatabase(provider);
    const second = await createTestDatabase(provider);
    try {
      expect(first.url).not.toBe(second.url);
      const tenant = await first.db.tenant.create({ data: { name: "Contoso", slug: "contoso" } });
      const user = await first.db.user.create({ data: { email: "a@contoso.test", passwordHash: "h" } });
      await first.db.membership.create({ data: { tenantId: tenant.id, userId: user.id } });
      expect(await second.db.tenant.count()).toBe(0);
      await first.reset();
      expect(await first.db.membership.count()).toBe(0);
      expect(await first.db.tenant.count()).toBe(0);
      await first.db.tenant.create({ data: { name: "Again", slug: "contoso" } });
    } finally {
      await first.drop();
      await second.drop();
      await first.drop();
    }
    if (provider === "sqlite") {
      expect(existsSync(first.url.slice("file:".length))).toBe(false);
    } else {
      const name = new URL(first.url).pathname.slice(1);
      expect(await adminQuery("SELECT 1 FROM pg_database WHERE datname = $1", [name])).toHaveLength(0);
    }
  });
});
