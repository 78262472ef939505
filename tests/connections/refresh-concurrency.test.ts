// Exactly one refresh per connection across processes: 200 concurrent callers in two processes
// (this one and a tsx child), an expiring token, and the simulator counting token requests.
// Runs on SQLite and PostgreSQL, since the lease is a compare-and-swap in each.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { openToken } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { acquireRefreshLease, releaseRefreshLease } from "@switchboard/lib/integrations/tokens/refresh";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { expireSoon } from "./support/expire-soon";
import { countTokenRequests, simControl, simRequests } from "./support/simulator-driver";
import { spawnTokenBurst } from "./support/spawn-token-burst";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe.each(["sqlite", "postgresql"] as const)("refresh lease on %s", (provider) => {
  let fx: ConnectionsFixture;
  let connectionId: string;
  beforeAll(async () => {
    fx = await startConnectionsFixture(provider);
    ({ connectionId } = await connectPortal(fx, { actor: fx.admin }));
  });
  afterAll(async () => fx?.close());

  it("lets exactly one holder take the lease; others get it only once released or expired", async () => {
    const now = new Date();
    expect(await acquireRefreshLease(fx.db, connectionId, "a", now, 60_000)).toBe(true);
    expect(await acquireRefreshLease(fx.db, connectionId, "b", now, 60_000)).toBe(false);
    await releaseRefreshLease(fx.db, connectionId, "b"); // not the holder: no effect
    expect(await acquireRefreshLease(fx.db, connectionId, "b", now, 60_000)).toBe(false);
    const later = new Date(now.getTime() + 61_000);
    expect(await acquireRefreshLease(fx.db, connectionId, "b", later, 60_000)).toBe(true);
    await releaseRefreshLease(fx.db, connectionId, "b");
    const contenders = await Promise.all(
      Array.from({ length: 20 }, (_, i) => acquireRefreshLease(fx.db, connectionId, `c${i}`, later, 60_000)),
    );
    expect(contenders.filter(Boolean)).toHaveLength(1);
    await fx.db.connection.update({ where: { id: connectionId }, data: { refreshLeaseOwner: null, refreshLeaseExpiresAt: null } });
  });

  it("200 concurrent callers in two processes cause exactly one refresh and all get the new token", async () => {
    await expireSoon(fx.db, connectionId, 60);
    // A slow HubSpot widens the window in which both processes see the expiring token.
    // A lifetime other than the default, so the stored expiry can only come from the refresh's answer.
    await simControl(fx.sim.url, "PATCH", "/_sim/config", { latencyMs: 300, accessTokenTtlSeconds: 3_600 });
    await simControl(fx.sim.url, "DELETE", "/_sim/requests");
    const burstStarted = Date.now();
    const child = await spawnTokenBurst({
      databaseUrl: fx.databaseUrl,
      connectionId,
      calls: 100,
      keyRing: fx.keyRingText,
      config: fx.config,
    });
    child.go();
    const local = await Promise.all(Array.from({ length: 100 }, () => getValidAccessToken(fx.db, connectionId, fx.services)));
    const remote = await child.result;
    const burstEnded = Date.now();
    await simControl(fx.sim.url, "PATCH", "/_sim/config", { latencyMs: 0, accessTokenTtlSeconds: 1_800 });

    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(1);
    const row = await fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } });
    const current = openToken(fx.keyRing, row, "accessToken", row.accessTokenCiphertext ?? "");
    expect(new Set(local)).toEqual(new Set([current]));
    expect(remote).toEqual({ hashes: [sha256(current)], failures: 0 });
    expect(row.refreshLeaseOwner).toBeNull();
    const expiresAt = row.accessTokenExpiresAt?.getTime() ?? 0;
    expect(expiresAt - burstStarted).toBeGreaterThanOrEqual(3_600_000);
    expect(expiresAt - burstEnded).toBeLessThanOrEqual(3_600_000);
  });
});
