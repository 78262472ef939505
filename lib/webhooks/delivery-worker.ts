// The webhook delivery loop, run beside the signup sync (in the app process and in `npm run worker`):
// fan out new outbox events, claim due deliveries, send them concurrently; poll briefly when idle.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { log } from "@/lib/log";
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

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:webhooks:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? Math.max(30_000, options.timeoutMs * 3);
  let stopping = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopping) {
      let busy = false;
      try {
        busy = (await fanOutEvents(options.db)) > 0;
        const claimed = await claimDueDeliveries(options.db, options.provider, workerId, concurrency, leaseMs);
        busy ||= claimed.length > 0;
        await Promise.all(claimed.map((id) => deliverClaimed(options.db, workerId, id, options)));
      } catch (error) {
        // A database hiccup must not end the loop; claims expire on their own.
        log.error("webhook delivery pass failed", { workerId, error });
      }
      if (!busy && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.idlePollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    workerId,
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
