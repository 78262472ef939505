// A long-running sync loop: passes back to back while there is work, a short idle poll when
// there is none. Used by `npm run worker`, by the app in-process, by tests and by the bench.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Store } from "@/lib/db/store";
import { startPollingLoops } from "@/lib/polling-loops";
import { log } from "@/lib/log";
import { attemptsSpanning } from "./backoff";
import { portalPacer } from "@/lib/integrations/pacing/portal-pacer";
import type { SyncDeps, SyncSettings } from "./sync-deps";
import { flushSyncHealth } from "./sync-health";
import { runSyncPass } from "./sync-pass";
import { refreshPlannerStatistics } from "@/lib/db/statements/signup-queue";
import { releaseStrandedSignups } from "./waiting-signups";
import type { ConsentProvider } from "@/lib/integrations/consent-calls";
import { runConsentRound } from "../consent/consent-loop";

// How often the worker re-checks for WAITING signups whose tenant can send again (a race the
// connect flow cannot close on PostgreSQL) and refreshes SQLite's planner statistics.
const HOUSEKEEPING_EVERY_MS = 60_000;

const DEFAULT_GIVE_UP_AFTER_MS = 72 * 3_600_000;

export interface SyncWorkerOptions {
  store: Store;
  accessToken: SyncDeps["accessToken"];
  crm: SyncDeps["crm"];
  /** Subscription statuses, marketing status, opt-out poll and HubSpot's webhooks; absent: contacts only. */
  consent?: ConsentProvider;
  /** Defaults are the configuration schema's (lib/env/server-schema.ts). */
  settings?: Partial<SyncSettings> & {
    idlePollMs?: number;
    optOutPollEveryMs?: number;
    portalRequestsPer10s?: number;
    passesInFlight?: number;
  };
  workerId?: string;
}

export interface SyncWorker {
  workerId: string;
  /** Resolves after the pass in progress (if any) has finished writing its outcomes. */
  stop(): Promise<void>;
}

export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const settings: SyncSettings = {
    batchSize: 100,
    leaseMs: 60_000,
    batchesPerPass: 4,
    maxBatchesPerPass: 64,
    maxRateWaitMs: 5_000,
    giveUpAfterAttempts: attemptsSpanning(DEFAULT_GIVE_UP_AFTER_MS),
    ...options.settings,
  };
  const idlePollMs = options.settings?.idlePollMs ?? 500;
  const passesInFlight = options.settings?.passesInFlight ?? 2;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const deps: SyncDeps = {
    store: options.store,
    db: options.store.db,
    workerId,
    limiter: portalPacer(options.store, options.crm.ratePolicy, options.settings?.portalRequestsPer10s),
    settings,
    accessToken: options.accessToken,
    crm: options.crm,
  };
  let housekeepingDueAt = 0;
  // Several passes in flight: while one waits on the CRM's answers or writes outcomes back, the
  // next is already claiming, so a worker is bound by CPU rather than by round trips.
  const loops = startPollingLoops({
    loops: passesInFlight,
    idlePollMs,
    failure: { message: "signup sync pass failed", fields: { workerId } },
    pass: async () => {
      if (Date.now() >= housekeepingDueAt) {
        housekeepingDueAt = Date.now() + HOUSEKEEPING_EVERY_MS;
        await housekeeping(deps);
      }
      return (await runSyncPass(deps)).claimed > 0;
    },
  });
  // The consent side runs beside the passes, in a loop of its own on the same portal budgets (lib/signups/consent).
  const consent = options.consent;
  const consentState = { pollDueAt: 0 };
  const consentLoops = consent
    ? startPollingLoops({
        loops: 1,
        idlePollMs,
        failure: { message: "consent round failed", fields: { workerId } },
        pass: () => runConsentRound({ ...deps, consent }, consentState, options.settings?.optOutPollEveryMs),
      })
    : undefined;
  log.info("signup sync started", { workerId });
  return {
    workerId,
    async stop() {
      await Promise.all([loops.stop(), consentLoops?.stop()]);
      await flushSyncHealth(deps).catch((error: unknown) => log.warn("could not write the last sync health figures", { workerId, error }));
    },
  };
}

async function housekeeping(deps: SyncDeps): Promise<void> {
  await refreshPlannerStatistics(deps.store);
  const released = await releaseStrandedSignups(deps.db);
  if (released > 0)
    log.warn("signup sync released WAITING signups of tenants that can send again", { workerId: deps.workerId, signups: released });
}
