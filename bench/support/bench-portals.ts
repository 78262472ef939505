// The sync benches' portals: tenants connected to simulated portals through the app's own connect
// flow (several at a time: a thousand one by one takes minutes), and what the simulator saw of them
// afterwards — when each portal got its first contact, the most calls any portal took in one
// rolling window, and the contacts it holds (lost, duplicated).
import type { Db } from "@switchboard/lib/db/create-client";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { createBenchTenant } from "./bench-database";
import { round } from "./load-generator";
import { simControl } from "./sim-control";

export type SimRequest = { path: string; status: number | null; time: string; portalId?: number };

/** One tenant per portal, each connected; returns the tenant ids in portal order. */
export async function connectBenchPortals(db: Db, portalIds: number[], concurrency = 4): Promise<string[]> {
  const tenantIds: string[] = new Array(portalIds.length);
  let next = 0;
  const connectNext = async () => {
    while (next < portalIds.length) {
      const index = next++;
      const portalId = portalIds[index]!;
      const { tenant, admin } = await createBenchTenant(db, `bench-${portalId}`);
      await connectPortal({ db, tenant }, { actor: admin.actor, portalId });
      tenantIds[index] = tenant.id;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, connectNext));
  return tenantIds;
}

export async function upsertRequests(simUrl: string): Promise<SimRequest[]> {
  const { requests } = await simControl<{ requests: SimRequest[] }>(simUrl, "GET", "/_sim/requests");
  return requests.filter((entry) => entry.path.endsWith("/batch/upsert"));
}

export type Spread = { median: number; p95: number; last: number };

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0);
  return { median: at(0.5), p95: at(0.95), last: round(sorted.at(-1) ?? 0) };
}

/** Seconds from `since(portalId)` (ms) to each portal's first upsert; a portal never called counts as Infinity. */
export function firstContactSeconds(upserts: SimRequest[], portalIds: number[], since: (portalId: number) => number): number[] {
  const first = new Map<number, number>();
  for (const request of upserts) {
    if (request.portalId === undefined) continue;
    const at = Date.parse(request.time);
    if (at < (first.get(request.portalId) ?? Infinity)) first.set(request.portalId, at);
  }
  return portalIds.map((portalId) => {
    const at = first.get(portalId);
    return at === undefined ? Number.POSITIVE_INFINITY : (at - since(portalId)) / 1000;
  });
}

/** The most upserts any one portal received within one rolling window (as the simulator counts them). */
export function mostCallsInWindow(upserts: SimRequest[], windowMs = 10_000): number {
  const byPortal = new Map<number, number[]>();
  for (const request of upserts) {
    if (request.portalId === undefined) continue;
    (byPortal.get(request.portalId) ?? byPortal.set(request.portalId, []).get(request.portalId)!).push(Date.parse(request.time));
  }
  let most = 0;
  for (const times of byPortal.values()) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end]! - times[start]! >= windowMs) start++;
      most = Math.max(most, end - start + 1);
    }
  }
  return most;
}

/** Contacts the simulator holds for these portals, and how many distinct addresses among them. */
export async function countSimContacts(simUrl: string, portalIds: number[]): Promise<{ total: number; unique: number }> {
  let total = 0;
  let unique = 0;
  for (const portalId of portalIds) {
    const { results } = await simControl<{ results: { properties: { email?: string } }[] }>(
      simUrl,
      "GET",
      `/_sim/portals/${portalId}/contacts`,
    );
    total += results.length;
    unique += new Set(results.map((contact) => contact.properties.email)).size;
  }
  return { total, unique };
}
