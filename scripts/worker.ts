// `npm run worker` — the signup sync (and webhook deliveries) as its own process, for scale-out: run one or more next to
// the app (with SYNC_IN_PROCESS=false there). Stops cleanly on SIGINT/SIGTERM; kill -9 is safe too.
import { assertServerEnvOrExit, serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { log } from "@switchboard/lib/log";
import { createRuntime } from "@switchboard/lib/runtime/runtime";

loadEnvFiles();
assertServerEnvOrExit();
const runtime = createRuntime(serverEnv());
// Webhook deliveries too: the same claim discipline lets any number of workers share them.
const worker = runtime.workers.start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("signup worker stopping", { signal, workerId: worker.workerId });
  await runtime.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
