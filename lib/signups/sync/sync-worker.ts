// A long-running sync loop: passes back to back while there is work, a short idle poll when
// there is none. Used by `npm run worker`, by the app in-process, by tests and by the bench.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { idleWaits } from "@/lib/idle-waits";
import { log } from "@/lib/log";
import { serverEnv } from "@/lib/env/server";
import { attemptsSpanning } from "./backoff";
import { STARTING_BUDGET, STARTING_WINDOW_MS } from "./portal-budget-size";
import { PortalPacer } from "./portal-pacer";
import { PortalRateLimiter } from "./portal-rate-limiter";
import { SharedPortalBudget } from "./shared-portal-budget";
import type { SyncDeps, SyncSettings } from "./sync-deps";
import { flushSyncHealth } from "./sync-health";
import { runSyncPass } from "./sync-pass";
import { refreshPlannerStatistics } from "./planner-statistics";
import { releaseStrandedSignups } from "./waiting-signups";
import type { ConsentProvider } from "@/lib/integrations/consent-calls";
import { runConsentRound } from "../consent/consent-loop";

// How often the worker re-checks for WAITING signups whose tenant can send again (a race the
// connect flow cannot close on PostgreSQL) and refreshes SQLite's planner statistics.
const HOUSEKEEPING_EVERY_MS = 60_000;

const DEFAULT_GIVE_UP_AFTER_MS = 72 * 3_600_000;

export interface SyncWorkerOptions {
  db: Db;
  provider: DatabaseProvider;
  accessToken: SyncDeps["accessToken"];
  crm: SyncDeps["crm"];
  /** Subscription statuses, marketing status, opt-out poll and HubSpot's webhooks; absent: contacts only. */
  consent?: ConsentProvider;
  settings?: Partial<SyncSettings> & { idlePollMs?: number; optOutPollEveryMs?: number; portalRequestsPer10s?: number; passesInFlight?: number };
  workerId?: string;
}

export interface SyncWorker {
  workerId: string;
  /** Resolves after the pass in progress (if any) has finished writing its outcomes. */
  stop(): Promise<void>;
}

export function startSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const config = serverEnv();
  const settings: SyncSettings = {
    batchSize: config.SYNC_BATCH_SIZE,
    leaseMs: config.SYNC_LEASE_SECONDS * 1000,
    batchesPerPass: 4,
    maxBatchesPerPass: 64,
    maxRateWaitMs: 5_000,
    giveUpAfterAttempts: attemptsSpanning(DEFAULT_GIVE_UP_AFTER_MS),
    ...options.settings,
  };
  const idlePollMs = options.settings?.idlePollMs ?? config.SYNC_IDLE_POLL_MS;
  const passesInFlight = options.settings?.passesInFlight ?? 2;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const deps: SyncDeps = {
    db: options.db,
    provider: options.provider,
    workerId,
    limiter: portalPacer(options.db, options.settings?.portalRequestsPer10s ?? config.SYNC_PORTAL_REQUESTS_PER_10S),
    settings,
    accessToken: options.accessToken,
    crm: options.crm,
  };
  let stopping = false;
  const idle = idleWaits();
  let housekeepingDueAt = 0;
  // Several passes in flight: while one waits on HubSpot's answers or writes outcomes back, the
  // next is already claiming, so a worker is bound by CPU rather than by round trips.
  const runLoop = async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        if (Date.now() >= housekeepingDueAt) {
          housekeepingDueAt = Date.now() + HOUSEKEEPING_EVERY_MS;
          await housekeeping(deps);
        }
        ({ claimed } = await runSyncPass(deps));
      } catch (error) {
        // A database hiccup must not end the loop; claims expire on their own if we lost track.
        log.error("signup sync pass failed", { workerId, error });
      }
      if (claimed === 0 && !stopping) await idle.wait(idlePollMs);
    }
  };
  // The consent side runs beside the passes, on the same portal budgets (lib/signups/consent).
  const consent = options.consent;
  const runConsentLoop = async () => {
    if (!consent) return;
    const state = { pollDueAt: 0 };
    while (!stopping) {
      const busy = await runConsentRound({ ...deps, consent }, state, options.settings?.optOutPollEveryMs);
      if (!busy && !stopping) await idle.wait(idlePollMs);
    }
  };
  const loop = Promise.all([...Array.from({ length: passesInFlight }, runLoop), runConsentLoop()]);
  log.info("signup sync started", { workerId });
  return {
    workerId,
    async stop() {
      stopping = true;
      idle.wakeAll();
      await loop;
      await flushSyncHealth(deps).catch((error: unknown) => log.warn("could not write the last sync health figures", { workerId, error }));
    },
  };
}

async function housekeeping(deps: SyncDeps): Promise<void> {
  if (deps.provider === "sqlite") await refreshPlannerStatistics(deps.db);
  const released = await releaseStrandedSignups(deps.db);
  if (released > 0) log.warn("signup sync released WAITING signups of tenants that can send again", { workerId: deps.workerId, signups: released });
}

/**
 * Per portal, from this worker and from all workers together: the pace HubSpot's headers announce
 * (starting at the smallest profile's until the first answer), never above `cap` when one is set.
 */
export function portalPacer(db: Db, cap?: number): PortalPacer {
  const starting = Math.min(STARTING_BUDGET, cap ?? Infinity);
  return new PortalPacer(new PortalRateLimiter(starting, STARTING_WINDOW_MS), new SharedPortalBudget(db, starting, STARTING_WINDOW_MS), cap);
}
