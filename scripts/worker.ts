// `npm run worker` — the signup sync (and webhook deliveries) as its own process, for scale-out: run one or more next to
// the app (with SYNC_IN_PROCESS=false there). Stops cleanly on SIGINT/SIGTERM; kill -9 is safe too.
import { createStore } from "@switchboard/lib/db/store";
import { assertServerEnvOrExit, serverEnv } from "@switchboard/lib/env/server";
import { log } from "@switchboard/lib/log";
import { productionSyncOptions } from "@switchboard/lib/signups/sync/production-wiring";
import { startSyncWorker } from "@switchboard/lib/signups/sync/sync-worker";
import { startProductionWebhookWorker } from "@switchboard/lib/webhooks/production-wiring";

assertServerEnvOrExit();
const { DATABASE_URL } = serverEnv();
const store = createStore(DATABASE_URL);
const worker = startSyncWorker(productionSyncOptions(store));
// Webhook deliveries too: the same claim discipline lets any number of workers share them.
const webhooks = startProductionWebhookWorker(store);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("signup worker stopping", { signal, workerId: worker.workerId });
  await Promise.all([worker.stop(), webhooks.stop()]);
  await store.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
