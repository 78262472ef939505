// Per connection and hour: contacts synced, contacts failed, rate-limit pauses, for the 24 h line
// on each connection card (read by lib/integrations/view/sync-health.ts). Outcomes are added up in
// memory and written at most every few seconds per worker — one statement for every connection
// then, not one per CRM call nor per connection — and before the worker stops.
import { addSyncHealth } from "@/lib/db/statements/sync-health";
import type { Store } from "@/lib/db/store";

export interface HealthDelta {
  synced: number;
  failed: number;
  rateLimited: number;
}

const FLUSH_EVERY_MS = 5_000;

interface Pending {
  byConnection: Map<string, HealthDelta & { hour: number }>;
  flushAt: number;
}
const pendingByDb = new WeakMap<object, Pending>();

export function hourOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000);
}

/** Adds a batch's outcome; writes what has gathered once it is a few seconds old. */
export async function recordSyncHealth(owner: { store: Store }, connectionId: string, delta: HealthDelta, now = new Date()): Promise<void> {
  if (delta.synced === 0 && delta.failed === 0 && delta.rateLimited === 0) return;
  let pending = pendingByDb.get(owner);
  if (!pending) {
    pending = { byConnection: new Map(), flushAt: now.getTime() + FLUSH_EVERY_MS };
    pendingByDb.set(owner, pending);
  }
  const hour = hourOf(now).getTime();
  const key = `${connectionId}|${hour}`;
  const sum = pending.byConnection.get(key) ?? { synced: 0, failed: 0, rateLimited: 0, hour };
  sum.synced += delta.synced;
  sum.failed += delta.failed;
  sum.rateLimited += delta.rateLimited;
  pending.byConnection.set(key, sum);
  if (now.getTime() >= pending.flushAt) await flushSyncHealth(owner);
}

/** Writes everything gathered so far (the worker calls this when it stops). */
export async function flushSyncHealth(owner: { store: Store }): Promise<void> {
  const pending = pendingByDb.get(owner);
  if (!pending || pending.byConnection.size === 0) return;
  const entries = [...pending.byConnection];
  pending.byConnection = new Map();
  pending.flushAt = Date.now() + FLUSH_EVERY_MS;
  await addSyncHealth(
    owner.store,
    entries.map(([key, sum]) => ({ ...sum, connectionId: key.slice(0, key.lastIndexOf("|")), hour: new Date(sum.hour) })),
  );
}
