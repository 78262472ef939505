// On SQLite the access token's audit row is written by the database layer's prepared insert, which
// waits for a held write lock (asynchronously) for 5 s at most. A lock held longer must refuse the
// token with 503 and Retry-After — never hand it out unaudited.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken } from "@switchboard/lib/api/v1/connection-routes";
import { sqliteFilePath } from "@switchboard/lib/db/database-url";
import { startApiWorld, type ApiWorld } from "./support/api-world";

let world: ApiWorld;
beforeAll(async () => {
  world = await startApiWorld("sqlite");
}, 60_000);
afterAll(async () => world?.close());

describe("access token while SQLite's write lock is held elsewhere", () => {
  it("answers 503 problem with Retry-After once the audit write gives up, and writes no audit row", async () => {
    const key = await world.tenantKey(["connections:token"]);
    const issued = { where: { tenantId: world.tenant.id, action: "access_token_issued" } };
    // Warm: the first call may refresh the token (a write of its own) before the lock is taken.
    expect((await world.call(issueAccessToken, { key, params: { connectionId: world.connectionId } })).status).toBe(200);
    const before = await world.database.db.auditEvent.count(issued);
    const other = new Database(sqliteFilePath(world.database.url));
    other.exec("BEGIN IMMEDIATE");
    let response: Response;
    try {
      response = await world.call(issueAccessToken, { key, params: { connectionId: world.connectionId } });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).not.toMatch(/accessToken/);
    expect(await world.database.db.auditEvent.count(issued)).toBe(before);
  }, 30_000);
});
