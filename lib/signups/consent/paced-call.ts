// A consent call to HubSpot paced like the contact upserts: every HTTP request it makes takes a
// slot from the portal's shared budget first (portal-pacer.ts), so subscription reads and writes,
// marketing-status reads and the opt-out poll never push a portal over its limit together with
// the signup sync. What HubSpot answers (its headers, a 429, a refused token) feeds back the same way.
import { forgetAccessToken } from "@/lib/integrations/tokens/access-token";
import type { ConsentReply } from "@/lib/integrations/consent-calls";
import type { SyncDeps } from "../sync/sync-deps";
import { forgetCachedAccessToken } from "../sync/tenant-tokens";

export type Portal = { connectionId: string; portalId: string };

/** The call did not leave: no slot within `maxWaitMs` (the poll passes 0: spare capacity only). */
export type NoSlot = { ok: false; noSlot: true; waitMs: number };

export async function pacedCall<T>(
  deps: SyncDeps,
  portal: Portal,
  requests: number,
  maxWaitMs: number,
  call: () => Promise<ConsentReply<T>>,
): Promise<ConsentReply<T> | NoSlot> {
  const taken: number[] = [];
  for (let index = 0; index < requests; index++) {
    const permit = await deps.limiter.acquire(portal.portalId, maxWaitMs);
    if (!permit.ok) {
      // Slots already taken stay used: they cost a little budget, never an overrun.
      return { ok: false, noSlot: true, waitMs: permit.waitMs };
    }
    taken.push(permit.takenAt);
  }
  const reply = await call();
  await Promise.all(taken.map((takenAt) => deps.limiter.settle(portal.portalId, takenAt)));
  if (reply.rateLimit) await deps.limiter.learn(portal.portalId, reply.rateLimit);
  if (!reply.ok) {
    const { failure } = reply;
    if (failure.kind === "rate-limited") {
      if (failure.daily) await deps.limiter.pause(portal.portalId, Date.now() + failure.waitMs);
      else await deps.limiter.onRateLimited(portal.portalId, failure.waitMs);
    }
    if (failure.kind === "token-rejected") {
      forgetCachedAccessToken(deps, portal.connectionId);
      await forgetAccessToken(deps.db, portal.connectionId);
    }
  }
  return reply;
}

export function isNoSlot(reply: ConsentReply<unknown> | NoSlot): reply is NoSlot {
  return "noSlot" in reply;
}
