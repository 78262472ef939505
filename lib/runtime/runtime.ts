// The composition root: everything one process holds — database, key ring, providers, mailer,
// metrics, background workers — built once from the validated configuration and handed down.
// Entry points (npm start, Next's instrumentation, npm run worker, the admin CLI, keys:rotate) make
// one; the modules below receive what they need as arguments and never read configuration.
import { parseKeyRing, type KeyRing } from "@/lib/crypto/key-ring";
import type { Db } from "@/lib/db/create-client";
import { resolveDatabaseUrl } from "@/lib/db/database-url";
import { createStore, type Store } from "@/lib/db/store";
import type { ServerEnv } from "@/lib/env/server";
import { createProviderRegistry, type ProviderRegistry } from "@/lib/integrations/registry";
import type { IntegrationServices } from "@/lib/integrations/services";
import { createMailer, usesLocalMailbox, type Mailer } from "@/lib/mail/mailer";
import { registerDatabaseGauges } from "@/lib/metrics/database-gauges";
import { metrics, type SwitchboardMetrics } from "@/lib/metrics/registry";
import type { PeopleLinks } from "@/lib/people/people-links";
import { clientEnv } from "@/lib/env/client";
import { databaseProvider } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { portalPacer, type PortalPacer } from "@/lib/integrations/pacing/portal-pacer";
import { urlPolicyFrom } from "@/lib/webhooks/endpoint-url";
import type { EndpointServices } from "@/lib/webhooks/manage-endpoints";
import { backgroundWorkers, type BackgroundWorkers } from "./background-workers";

export type Runtime = {
  env: ServerEnv;
  databaseUrl: string;
  /** Every database handle of the process (lib/db/store.ts). */
  store: Store;
  /** store.db: the Prisma client. */
  db: Db;
  keyRing: KeyRing;
  providers: ProviderRegistry;
  /** What the connection flows take: the key ring and the provider lookup. */
  integrations: IntegrationServices;
  mailer: Mailer;
  /** Where links in mails point and the name they sign with. */
  links: PeopleLinks;
  metrics: SwitchboardMetrics;
  /** Pace for calls made on demand (an agent's contact lookup) to a portal the sync also calls:
   * the same budget every worker shares, so together they never exceed the portal's limit. */
  portalPacer: PortalPacer;
  /** What managing webhook endpoints needs: the key ring and the receiver URL policy. */
  webhooks: EndpointServices;
  /** The signup sync and webhook deliveries; started by the processes that run them. */
  workers: BackgroundWorkers;
  /** Stops the workers, then closes the database. */
  close(): Promise<void>;
};

/** Parts a test or tool brings itself (its own database, a mail catcher); the rest comes from `env`. */
export type RuntimeParts = Partial<Pick<Runtime, "store" | "mailer">>;

export function createRuntime(env: ServerEnv, parts: RuntimeParts = {}): Runtime {
  const databaseUrl = resolveDatabaseUrl(env.DATABASE_URL);
  const store = parts.store ?? createStore(databaseUrl);
  const { db } = store;
  // Once per process: a second line in one server's log would mean a second runtime.
  if (!parts.store) log.info("database client opened", { database: databaseProvider(databaseUrl) });
  const keyRing = parseKeyRing(env.TOKEN_ENCRYPTION_KEYS);
  const providers = createProviderRegistry(env);
  const integrations: IntegrationServices = {
    keyRing,
    provider: (id) => providers.get(id),
    health: {
      degradedAfterFailures: env.CONNECTION_DEGRADED_AFTER_FAILURES,
      degradedAfterMs: env.CONNECTION_DEGRADED_AFTER_MINUTES * 60_000,
    },
  };
  const mailer =
    parts.mailer ??
    createMailer({
      from: env.MAIL_FROM,
      ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
      ...(usesLocalMailbox(env) ? { mailboxDir: env.MAILBOX_DIR } : {}),
    });
  const workers = backgroundWorkers({ env, store, keyRing, providers, integrations });
  registerDatabaseGauges(metrics().registry, db);
  return {
    env,
    databaseUrl,
    store,
    db,
    keyRing,
    providers,
    integrations,
    mailer,
    links: { appUrl: env.APP_URL, productName: clientEnv.NEXT_PUBLIC_PRODUCT_NAME },
    metrics: metrics(),
    webhooks: { keyRing, urlPolicy: urlPolicyFrom(env) },
    portalPacer: portalPacer(store, providers.contactSyncRatePolicy, env.SYNC_PORTAL_REQUESTS_PER_10S),
    workers,
    async close() {
      await workers.stop();
      if (!parts.store) await store.close();
    },
  };
}
