// The sync's access-token reuse: one lookup (and decryption) per connection per 30 s, a fresh
// lookup once that has passed or HubSpot refused the token, and nothing shared between workers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cachedAccessToken, forgetCachedAccessToken } from "@switchboard/lib/signups/sync/tenant-tokens";
import type { SyncDeps } from "@switchboard/lib/signups/sync/sync-deps";

/** A worker's deps whose token lookup counts its calls and hands out a new token each time. */
function workerDeps() {
  const lookups: string[] = [];
  const deps = {
    accessToken: async (_db: unknown, connectionId: string) => {
      lookups.push(connectionId);
      return `token-${connectionId}-${lookups.length}`;
    },
  } as unknown as SyncDeps;
  return { deps, lookups };
}

describe("sync access-token reuse", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("looks a connection's token up once per 30 seconds", async () => {
    const { deps, lookups } = workerDeps();
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-1");
    vi.advanceTimersByTime(29_999);
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-1");
    expect(lookups).toEqual(["c1"]);
    vi.advanceTimersByTime(1);
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-2");
    expect(lookups).toEqual(["c1", "c1"]);
  });

  it("keeps each connection's token apart", async () => {
    const { deps, lookups } = workerDeps();
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-1");
    expect(await cachedAccessToken(deps, "c2")).toBe("token-c2-2");
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-1");
    expect(lookups).toEqual(["c1", "c2"]);
  });

  it("looks again at once after HubSpot refused the token", async () => {
    const { deps, lookups } = workerDeps();
    await cachedAccessToken(deps, "c1");
    forgetCachedAccessToken(deps, "c1");
    expect(await cachedAccessToken(deps, "c1")).toBe("token-c1-2");
    expect(lookups).toEqual(["c1", "c1"]);
  });

  it("shares nothing between two workers' deps", async () => {
    const first = workerDeps();
    const second = workerDeps();
    await cachedAccessToken(first.deps, "c1");
    expect(await cachedAccessToken(second.deps, "c1")).toBe("token-c1-1");
    expect(second.lookups).toEqual(["c1"]);
  });
});
