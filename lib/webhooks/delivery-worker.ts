// The webhook delivery loop, run beside the signup sync (in the app process and in `npm run worker`):
// fan out new outbox events, claim due deliveries, send them concurrently; poll briefly when idle.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { startPollingLoops } from "@/lib/polling-loops";
import { claimDueDeliveries } from "./claim-deliveries";
import { deliverClaimed, type DeliverySettings } from "./deliver";
import { fanOutEvents } from "./fan-out";

export type WebhookWorkerOptions = DeliverySettings & {
  db: Db;
  provider: DatabaseProvider;
  idlePollMs: number;
  /** Deliveries sent at once by this worker. */
  concurrency?: number;
  /** How long a claim lasts: longer than one attempt can take. */
  leaseMs?: number;
  workerId?: string;
};

export type WebhookWorker = { workerId: string; stop(): Promise<void> };

const LANES = 4;

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:webhooks:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 32;
  const leaseMs = options.leaseMs ?? Math.max(30_000, options.timeoutMs * 3);
  // Several lanes, each claiming and sending its own small batch: one slow receiver holds up only
  // its lane's batch (up to the timeout), never the whole worker.
  const lanes = Math.max(1, Math.min(LANES, concurrency));
  const perLane = Math.ceil(concurrency / lanes);
  const loops = startPollingLoops({
    loops: lanes,
    idlePollMs: options.idlePollMs,
    failure: { message: "webhook delivery pass failed", fields: { workerId } },
    pass: async (index) => {
      // Each lane claims under its own id, so two lanes can never both believe they hold a row.
      const laneId = `${workerId}#${index}`;
      const fannedOut = index === 0 ? await fanOutEvents(options.db) : 0;
      const claimed = await claimDueDeliveries(options.db, options.provider, laneId, perLane, leaseMs);
      await deliverClaimed(options.db, laneId, claimed, options);
      return fannedOut > 0 || claimed.length > 0;
    },
  });
  return { workerId, stop: () => loops.stop() };
}
