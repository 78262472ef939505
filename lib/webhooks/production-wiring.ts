// The delivery worker as the app and `npm run worker` run it: configuration from the environment.
import { activeKeyRing } from "@/lib/crypto/active-key-ring";
import type { Store } from "@/lib/db/store";
import { serverEnv } from "@/lib/env/server";
import { startWebhookWorker, type WebhookWorker } from "./delivery-worker";

export function startProductionWebhookWorker(store: Store): WebhookWorker {
  const env = serverEnv();
  return startWebhookWorker({
    store,
    keyRing: activeKeyRing(),
    urlPolicy: { production: env.NODE_ENV === "production", allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS },
    timeoutMs: env.WEBHOOK_REQUEST_TIMEOUT_MS,
    idlePollMs: env.WEBHOOK_IDLE_POLL_MS,
  });
}
