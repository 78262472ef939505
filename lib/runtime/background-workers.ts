// The work a process may do in the background: the signup sync and webhook deliveries, always
// together (same switch, same processes). The app runs them in-process unless SYNC_IN_PROCESS=false;
// `npm run worker` runs them on its own.
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Store } from "@/lib/db/store";
import type { ServerEnv } from "@/lib/env/server";
import type { ProviderRegistry } from "@/lib/integrations/registry";
import type { IntegrationServices } from "@/lib/integrations/services";
import { productionSyncOptions } from "@/lib/signups/sync/production-wiring";
import { startSyncWorker, type SyncWorker } from "@/lib/signups/sync/sync-worker";
import { startProductionWebhookWorker } from "@/lib/webhooks/production-wiring";
import type { WebhookWorker } from "@/lib/webhooks/delivery-worker";
import { log } from "@/lib/log";

export type BackgroundWorkers = {
  /** Starts both loops once; later calls return the running sync. */
  start(): SyncWorker;
  running(): SyncWorker | null;
  /** Resolves once the passes in flight have recorded their outcomes. */
  stop(): Promise<void>;
};

type WorkerParts = {
  env: ServerEnv;
  store: Store;
  keyRing: KeyRing;
  providers: ProviderRegistry;
  integrations: IntegrationServices;
};

export function backgroundWorkers({ env, store, keyRing, providers, integrations }: WorkerParts): BackgroundWorkers {
  let sync: SyncWorker | null = null;
  let webhooks: WebhookWorker | null = null;
  return {
    start() {
      sync ??= startSyncWorker(
        productionSyncOptions({
          store,
          env,
          integrations,
          contactSync: () => providers.contactSync(),
          ratePolicy: providers.contactSyncRatePolicy,
        }),
      );
      webhooks ??= startProductionWebhookWorker({ store, keyRing, env });
      return sync;
    },
    running: () => sync,
    async stop() {
      const [syncing, delivering] = [sync, webhooks];
      sync = null;
      webhooks = null;
      await Promise.all([syncing?.stop(), delivering?.stop()]);
    },
  };
}

/** The app's choice: the workers run inside the server unless SYNC_IN_PROCESS=false (then `npm run worker`). */
export function startInProcessWorkers(runtime: { env: Pick<ServerEnv, "SYNC_IN_PROCESS">; workers: BackgroundWorkers }): void {
  if (runtime.env.SYNC_IN_PROCESS) {
    runtime.workers.start();
    return;
  }
  log.info("signup sync not started in-process (SYNC_IN_PROCESS=false); run `npm run worker`");
}
