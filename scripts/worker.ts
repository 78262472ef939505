// `npm run worker` — the signup sync (and webhook deliveries) as its own process, for scale-out: run one or more next to
// the app (with SYNC_IN_PROCESS=false there). Stops cleanly on SIGINT/SIGTERM; kill -9 is safe too.
import { createDbClient } from "@switchboard/lib/db/create-client";
import { assertServerEnvOrExit, serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { log } from "@switchboard/lib/log";
import { productionSyncOptions } from "@switchboard/lib/signups/sync/production-wiring";
import { startSyncWorker } from "@switchboard/lib/signups/sync/sync-worker";
import { startProductionWebhookWorker } from "@switchboard/lib/webhooks/production-wiring";

loadEnvFiles();
assertServerEnvOrExit();
const { DATABASE_URL } = serverEnv();
const db = createDbClient(DATABASE_URL);
const worker = startSyncWorker(productionSyncOptions(db, DATABASE_URL));
// Webhook deliveries too: the same claim discipline lets any number of workers share them.
const webhooks = startProductionWebhookWorker(db, DATABASE_URL);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("signup worker stopping", { signal, workerId: worker.workerId });
  await Promise.all([worker.stop(), webhooks.stop()]);
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
