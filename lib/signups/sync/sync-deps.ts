// Everything one sync worker needs, passed explicitly so tests, the worker script, the in-process
// starter and the bench all run the very same engine against their own database and CRM.
import type { Db } from "@/lib/db/create-client";
import type { Store } from "@/lib/db/store";
import type { IntegrationProvider } from "@/lib/integrations/provider";
import type { PortalPacer } from "@/lib/integrations/pacing/portal-pacer";
import type { TokenRow } from "@/lib/integrations/tokens/stored-tokens";

export interface SyncSettings {
  batchSize: number;
  leaseMs: number;
  /** Batches one pass may claim per tenant; more than one keeps a portal busy while rows are written back. */
  batchesPerPass: number;
  /** Batches one pass may claim in all: tenants beyond it wait for the next pass (round robin). */
  maxBatchesPerPass: number;
  /** Longest we wait for a rate-limit slot before handing the rows back for later. */
  maxRateWaitMs: number;
  /** Transient failures in a row after which a signup is FAILED (see backoff.attemptsSpanning). */
  giveUpAfterAttempts: number;
}

/** The provider calls the sync makes (the properties only for tenants that map form fields), and
 * the provider's rate limits it paces those calls by. */
export type ContactSync = Pick<IntegrationProvider, "upsertContacts" | "listContactProperties" | "ratePolicy">;

export interface SyncDeps {
  /** The database layer's handles; `db` is store.db, kept at hand for the many Prisma reads. */
  store: Store;
  db: Db;
  workerId: string;
  limiter: PortalPacer;
  settings: SyncSettings;
  /** `preloaded`: the connection's token row as a pass just read it (null: the connection is gone), saving a query. */
  accessToken: (db: Db, connectionId: string, preloaded?: TokenRow | null) => Promise<string>;
  crm: ContactSync;
}
