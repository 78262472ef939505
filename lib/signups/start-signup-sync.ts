// Runs the signup sync inside the web server process (the one-command demo) unless
// SYNC_IN_PROCESS=false, e.g. when dedicated `npm run worker` processes do the work.
import { processStore } from "@/lib/db";
import { serverEnv } from "@/lib/env/server";
import { log } from "@/lib/log";
import { startProductionWebhookWorker } from "@/lib/webhooks/production-wiring";
import type { WebhookWorker } from "@/lib/webhooks/delivery-worker";
import { productionSyncOptions } from "./sync/production-wiring";
import { startSyncWorker, type SyncWorker } from "./sync/sync-worker";

let running: SyncWorker | undefined;
// Webhook deliveries run wherever the sync runs (same switch, same processes).
let webhooks: WebhookWorker | undefined;

export function startSignupSync(): SyncWorker | null {
  const env = serverEnv();
  if (!env.SYNC_IN_PROCESS) {
    log.info("signup sync not started in-process (SYNC_IN_PROCESS=false); run `npm run worker`");
    return null;
  }
  running ??= startSyncWorker(productionSyncOptions(processStore()));
  webhooks ??= startProductionWebhookWorker(processStore());
  return running;
}

/** Stops the in-process sync if this process runs one; resolves once its pass in flight is recorded. */
export async function stopSignupSync(): Promise<void> {
  const [worker, webhookWorker] = [running, webhooks];
  running = undefined;
  webhooks = undefined;
  await Promise.all([worker?.stop(), webhookWorker?.stop()]);
}
