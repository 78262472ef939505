// The delivery worker as the app and `npm run worker` run it: settings from the configuration.
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Store } from "@/lib/db/store";
import type { ServerEnv } from "@/lib/env/server";
import { startWebhookWorker, type WebhookWorker } from "./delivery-worker";
import { urlPolicyFrom } from "./endpoint-url";

export type WebhookWiring = {
  store: Store;
  keyRing: KeyRing;
  env: Pick<ServerEnv, "NODE_ENV" | "WEBHOOK_ALLOW_PRIVATE_URLS" | "WEBHOOK_REQUEST_TIMEOUT_MS" | "WEBHOOK_IDLE_POLL_MS">;
};

export function startProductionWebhookWorker({ store, keyRing, env }: WebhookWiring): WebhookWorker {
  return startWebhookWorker({
    store,
    keyRing,
    urlPolicy: urlPolicyFrom(env),
    timeoutMs: env.WEBHOOK_REQUEST_TIMEOUT_MS,
    idlePollMs: env.WEBHOOK_IDLE_POLL_MS,
  });
}
