// `npm run admin -- api-key …` in-process against a real SQLite database (the CLI reads DATABASE_URL
// from the configuration, which a process validates once; the key logic itself runs on both
// databases in api-keys.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@switchboard/lib/api-keys/authenticate-api-key";
import { runAdmin } from "@/scripts/admin/main";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";

describe("api-key commands", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    configureApp(database.url);
  });
  afterAll(async () => database?.drop());

  it("creates creates an operator key (printed once), lists it and revokes it; bad scopes exit 2", async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, out, err };
    };
    const created = await run("api-key", "create", "--name", "ops", "--scope", "tenants:admin", "--scope", "connections:token");
    expect(created.code).toBe(0);
    const key = created.out[0] ?? "";
    const caller = await authenticateApiKey(database.db, `Bearer ${key}`);
    expect(caller.tenantId).toBeNull();
    expect(caller.scopes.has("tenants:admin")).toBe(true);
    const listed = await run("api-key", "list");
    expect(listed.out.join("\n")).toContain(caller.prefix);
    expect(listed.out.join("\n")).not.toContain(key);
    expect((await run("api-key", "create", "--name", "bad", "--scope", "everything")).code).toBe(2);
    expect((await run("api-key", "revoke", "sb_live_doesnotexist")).code).toBe(2);
    expect((await run("api-key", "revoke", caller.prefix)).code).toBe(0);
    await expect(authenticateApiKey(database.db, `Bearer ${key}`)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
