// getValidAccessToken against the simulator: refresh ahead of expiry, invalid_grant → Needs
// reconnect with no retries, outages → retries, Degraded once they persist, then Connected again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { openToken } from "@switchboard/lib/integrations/tokens/stored-tokens";
import { NeedsReconnectError, ProviderUnavailableError } from "@switchboard/lib/integrations/errors";
import { HubspotNotConfiguredError } from "@switchboard/lib/integrations/hubspot/config";
import { startConnectionsFixture, type ConnectionsFixture } from "./support/connections-fixture";
import { connectionFor, connectPortal } from "@/tests/helpers/connect-portal";
import { expireSoon } from "./support/expire-soon";
import { countTokenRequests, simControl, simRequests } from "./support/simulator-driver";

let fx: ConnectionsFixture;
let connectionId: string;
beforeAll(async () => {
  fx = await startConnectionsFixture("sqlite");
});
afterAll(async () => fx?.close());
beforeEach(async () => {
  await fx.reset();
  ({ connectionId } = await connectPortal(fx, { actor: fx.admin }));
  await simControl(fx.sim.url, "DELETE", "/_sim/requests");
});

const stored = async () => fx.db.connection.findUniqueOrThrow({ where: { id: connectionId } });

describe("getValidAccessToken", () => {
  it("hands out the stored token while it has more than five minutes left, without calling HubSpot", async () => {
    const row = await stored();
    const token = await getValidAccessToken(fx.db, connectionId, fx.services);
    expect(token).toBe(openToken(fx.keyRing, row, "accessToken", row.accessTokenCiphertext ?? ""));
    expect(await simRequests(fx.sim.url)).toHaveLength(0);
  });

  it("refreshes once a token is inside the five-minute window and persists the new token before returning it", async () => {
    await expireSoon(fx.db, connectionId, 4 * 60);
    // A lifetime other than the default, so the stored expiry can only come from HubSpot's answer.
    await simControl(fx.sim.url, "PATCH", "/_sim/config", { accessTokenTtlSeconds: 3_600 });
    const before = await stored();
    const refreshStarted = Date.now();
    const token = await getValidAccessToken(fx.db, connectionId, fx.services);
    const refreshEnded = Date.now();
    const after = await stored();
    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(1);
    expect(openToken(fx.keyRing, after, "accessToken", after.accessTokenCiphertext ?? "")).toBe(token);
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    // expires_in counts from when the answer arrived: somewhere inside the call.
    const expiresAt = after.accessTokenExpiresAt?.getTime() ?? 0;
    expect(expiresAt - refreshStarted).toBeGreaterThanOrEqual(3_600_000);
    expect(expiresAt - refreshEnded).toBeLessThanOrEqual(3_600_000);
    expect(after.refreshLeaseOwner).toBeNull();
    const introspected = await fx.services.provider("hubspot").introspect(token);
    expect(introspected).toMatchObject({ active: true, portalId: "62515" });
  });

  it("marks the connection Needs reconnect at once when the refresh token was revoked (no retries)", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/portals/62515/revoke-all");
    await expireSoon(fx.db, connectionId, 10);
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(1);
    const row = await stored();
    expect(row.status).toBe("NEEDS_RECONNECT");
    expect(row.refreshLeaseOwner).toBeNull();
    const events = await fx.db.auditEvent.findMany({ where: { connectionId } });
    expect(events.map((e) => [e.action, e.outcome])).toEqual(
      expect.arrayContaining([
        ["refresh", "failure"],
        ["status_change", "failure"],
      ]),
    );
    // Later callers are refused without bothering HubSpot again.
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(NeedsReconnectError);
    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(1);
  });

  it("retries outages with backoff; Degraded only once refreshes keep failing, and Connected again on the next success", async () => {
    // One refresh whose three attempts all fail is one failure: not yet worth reporting.
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 3, pathPrefix: "/oauth/2026-03/token" });
    await expireSoon(fx.db, connectionId, 10);
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(countTokenRequests(await simRequests(fx.sim.url))).toBe(3);
    expect(await stored()).toMatchObject({ status: "CONNECTED", consecutiveFailures: 1, refreshLeaseOwner: null });
    // Two more failed refreshes in a row: the failure persists (threshold 3).
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 503, count: 6, pathPrefix: "/oauth/2026-03/token" });
    for (let round = 0; round < 2; round++) {
      await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(ProviderUnavailableError);
    }
    expect(await stored()).toMatchObject({ status: "DEGRADED", consecutiveFailures: 3 });

    const token = await getValidAccessToken(fx.db, connectionId, fx.services);
    const recovered = await stored();
    expect(token).toBe(openToken(fx.keyRing, recovered, "accessToken", recovered.accessTokenCiphertext ?? ""));
    expect(recovered).toMatchObject({ status: "CONNECTED", consecutiveFailures: 0, failingSince: null });
    const changes = (
      await fx.db.auditEvent.findMany({ where: { connectionId, action: "status_change" }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.detail);
    expect(changes).toEqual([expect.stringContaining("CONNECTED → DEGRADED"), expect.stringContaining("DEGRADED → CONNECTED")]);
  });

  it("keeps serving a still-valid token when a refresh ahead of expiry hits an outage", async () => {
    await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 502, count: 3, pathPrefix: "/oauth/2026-03/token" });
    await expireSoon(fx.db, connectionId, 120);
    const row = await stored();
    const token = await getValidAccessToken(fx.db, connectionId, fx.services);
    expect(token).toBe(openToken(fx.keyRing, row, "accessToken", row.accessTokenCiphertext ?? ""));
    // One failed refresh is counted, not reported: the next try may well work.
    expect(await stored()).toMatchObject({ status: "CONNECTED", consecutiveFailures: 1 });
  });

  it("releases the refresh lease when the refresh fails in an unplanned way, so others need not wait it out", async () => {
    await expireSoon(fx.db, connectionId, 4 * 60);
    // The real error the provider registry raises on a server without HubSpot credentials.
    const unconfigured = {
      ...fx.services,
      provider: () => {
        throw new HubspotNotConfiguredError();
      },
    };
    await expect(getValidAccessToken(fx.db, connectionId, unconfigured)).rejects.toBeInstanceOf(HubspotNotConfiguredError);
    const row = await stored();
    expect(row.refreshLeaseOwner).toBeNull();
    // The next caller refreshes at once instead of waiting for a lease nobody holds.
    expect(await getValidAccessToken(fx.db, connectionId, fx.services)).toMatch(/^CN/);
  });

  it("never writes a token to the logs, even on failures", async () => {
    const row = await stored();
    const secrets = [
      openToken(fx.keyRing, row, "accessToken", row.accessTokenCiphertext ?? ""),
      openToken(fx.keyRing, row, "refreshToken", row.refreshTokenCiphertext ?? ""),
    ];
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return original(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      await simControl(fx.sim.url, "POST", "/_sim/faults", { status: 500, count: 3, pathPrefix: "/oauth/2026-03/token" });
      await expireSoon(fx.db, connectionId, 10);
      await getValidAccessToken(fx.db, connectionId, fx.services).catch(() => undefined);
      await simControl(fx.sim.url, "POST", "/_sim/portals/62515/revoke-all");
      await getValidAccessToken(fx.db, connectionId, fx.services).catch(() => undefined);
    } finally {
      process.stderr.write = original;
    }
    const events = await fx.db.auditEvent.findMany({ where: { connectionId } });
    const everything = [...written, ...events.map((e) => `${e.detail} ${e.actorLabel}`)].join("\n");
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect((await stored()).status).toBe("NEEDS_RECONNECT");
  });

  it("refuses a connection whose stored ciphertext was moved from another row", async () => {
    await connectPortal(fx, { actor: fx.admin, portalId: 70001 });
    const other = await connectionFor(fx, 70001);
    await fx.db.connection.update({ where: { id: connectionId }, data: { accessTokenCiphertext: other.accessTokenCiphertext } });
    await expect(getValidAccessToken(fx.db, connectionId, fx.services)).rejects.toBeInstanceOf(NeedsReconnectError);
    // The card says so, instead of showing Connected while nothing can use the token.
    expect((await stored()).status).toBe("NEEDS_RECONNECT");
  });
});
