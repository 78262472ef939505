// The access-token route under a storm: 200 concurrent callers in two processes (this one and a tsx
// child) while the token is about to expire cause exactly one refresh at HubSpot, and everyone gets
// the same new token — the API shares the refresh lease with everything else.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueAccessToken } from "@switchboard/lib/api/v1/connection-routes";
import { expireSoon } from "@/tests/connections/support/expire-soon";
import { countTokenRequests, simControl, simRequests } from "@/tests/connections/support/simulator-driver";
import { spawnReleasableChild } from "@/tests/helpers/releasable-child";
import type { ApiWorld } from "../support/api-world";

type ChildResult = { hashes: string[]; statuses: number[] };

function spawnBurst(input: { key: string; connectionId: string; calls: number }) {
  return spawnReleasableChild<ChildResult>(new URL("../support/access-token-burst-child.ts", import.meta.url), {
    API_BURST_INPUT: JSON.stringify(input),
  });
}

export function tokenStormSuite(world: () => ApiWorld) {
  describe("access-token storm", () => {
    it("200 concurrent API callers in two processes cause exactly one refresh and all get the new token", async () => {
      const w = world();
      const key = await w.tenantKey(["connections:token"]);
      await expireSoon(w.database.db, w.connectionId, 60);
      await simControl(w.sim.url, "PATCH", "/_sim/config", { latencyMs: 300 });
      await simControl(w.sim.url, "DELETE", "/_sim/requests");
      const child = await spawnBurst({ key, connectionId: w.connectionId, calls: 100 });
      child.go();
      const local = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const response = await w.call(issueAccessToken, { key, params: { connectionId: w.connectionId } });
          return { status: response.status, token: ((await response.json()) as { accessToken: string }).accessToken };
        }),
      );
      const remote = await child.result;
      await simControl(w.sim.url, "PATCH", "/_sim/config", { latencyMs: 0 });
      expect(countTokenRequests(await simRequests(w.sim.url))).toBe(1);
      expect(local.filter((result) => !(result.status === 200))).toEqual([]);
      expect(remote.statuses.filter((status) => !(status === 200))).toEqual([]);
      const hashes = new Set([...local.map((result) => createHash("sha256").update(result.token).digest("hex")), ...remote.hashes]);
      expect(hashes.size).toBe(1);
      expect(
        await w.database.db.auditEvent.count({ where: { connectionId: w.connectionId, action: "access_token_issued" } }),
      ).toBeGreaterThanOrEqual(200);
    });
  });
}
