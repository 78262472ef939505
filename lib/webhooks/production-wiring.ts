// The delivery worker as the app and `npm run worker` run it: settings from the configuration.
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { databaseProvider } from "@/lib/db/database-url";
import type { ServerEnv } from "@/lib/env/server";
import { startWebhookWorker, type WebhookWorker } from "./delivery-worker";

export type WebhookWiring = {
  db: Db;
  databaseUrl: string;
  keyRing: KeyRing;
  env: Pick<ServerEnv, "NODE_ENV" | "WEBHOOK_ALLOW_PRIVATE_URLS" | "WEBHOOK_REQUEST_TIMEOUT_MS" | "WEBHOOK_IDLE_POLL_MS">;
};

export function startProductionWebhookWorker({ db, databaseUrl, keyRing, env }: WebhookWiring): WebhookWorker {
  return startWebhookWorker({
    db,
    provider: databaseProvider(databaseUrl),
    keyRing,
    urlPolicy: { production: env.NODE_ENV === "production", allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS },
    timeoutMs: env.WEBHOOK_REQUEST_TIMEOUT_MS,
    idlePollMs: env.WEBHOOK_IDLE_POLL_MS,
  });
}
