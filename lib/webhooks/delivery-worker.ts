// The webhook delivery loop, run beside the signup sync (in the app process and in `npm run worker`):
// fan out new outbox events, claim due deliveries, send them concurrently; poll briefly when idle.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { claimDueDeliveries } from "@/lib/db/statements/outbox-deliveries";
import type { Store } from "@/lib/db/store";
import { startPollingLoops } from "@/lib/polling-loops";
import { deliverClaimed, type DeliverySettings } from "./deliver";
import { fanOutEvents } from "./fan-out";
import { receiverConnections } from "./receiver-connections";

export type WebhookWorkerOptions = DeliverySettings & {
  store: Store;
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
  const settings = { ...options, connections: receiverConnections() };
  const loops = startPollingLoops({
    loops: lanes,
    idlePollMs: options.idlePollMs,
    failure: { message: "webhook delivery pass failed", fields: { workerId } },
    pass: async (index) => {
      // Each lane claims under its own id, so two lanes can never both believe they hold a row.
      const laneId = `${workerId}#${index}`;
      const fannedOut = index === 0 ? await fanOutEvents(options.store) : 0;
      // A lease (claimedBy/claimedUntil) that expires on its own: a worker killed mid-delivery only delays its rows.
      const now = new Date();
      const claimed = await claimDueDeliveries(options.store, laneId, perLane, now, new Date(now.getTime() + leaseMs));
      await deliverClaimed(options.store, laneId, claimed, settings);
      return fannedOut > 0 || claimed.length > 0;
    },
  });
  return {
    workerId,
    stop: async () => {
      await loops.stop();
      settings.connections.close();
    },
  };
}
