// (a) Sync throughput per portal against the simulator with HubSpot's real limits, for both
// documented profiles — a marketplace app's 110 calls per rolling 10 s and a privately
// distributed app's 100 per 10 s (plus its daily allowance) — reported as the share of each
// portal's ceiling (limit × 100 contacts per call); and our batch-upsert engine vs the naive
// one-create-call-per-signup design.
import { DEFAULT_PORTALS, KNOWN_SCOPES, RATE_LIMIT_PROFILES, type RateLimitProfile } from "@/simulator/src/config";
import { startSimulator } from "@/simulator/src/server";
import type { Db } from "@switchboard/lib/db/create-client";
import { serverEnv } from "@switchboard/lib/env/server";
import { createRuntime } from "@switchboard/lib/runtime/runtime";
import { configureAppForSimulator } from "@/tests/helpers/simulator-env";
import { createBenchDatabase, createBenchTenant, type BenchDatabase } from "./support/bench-database";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { NAIVE_PORTAL, runNaiveSync } from "./support/naive-sync";
import { round } from "./support/load-generator";
import { simControl } from "./support/sim-control";

export interface ProfileResult {
  profile: RateLimitProfile;
  simulatorLimit: string;
  /** HubSpot's ceiling for this portal: limit per window × 100 contacts per call. */
  ceilingContactsPerSecond: number;
  seconds: number;
  contactsPerSecond: number;
  /** Over whole 10 s rate-limit windows (see sustainedRate). */
  sustainedContactsPerSecond: number;
  /** sustainedContactsPerSecond / ceilingContactsPerSecond, in percent (goal ≥ 95). */
  shareOfCeilingPercent: number;
  upsertCalls: number;
  rateLimited429: number;
  lost: number;
  duplicates: number;
}

export interface SyncBenchResult {
  signups: number;
  profiles: ProfileResult[];
  naive: { seconds: number; contacts: number; contactsPerSecond: number; rateLimited429: number };
  /** Marketplace profile's batch rate over the naive rate. */
  ratio: number;
}

// One portal per profile, so each starts with fresh windows on both sides.
const PROFILE_PORTALS: Record<"marketplace" | "private-starter", number> = { marketplace: 62515, "private-starter": 90001 };

export async function benchSyncThroughput(signups: number, naiveSeconds: number): Promise<SyncBenchResult> {
  const privatePortal = {
    ...DEFAULT_PORTALS[0]!,
    id: PROFILE_PORTALS["private-starter"],
    name: "Privately distributed app's portal",
    hubDomain: "private-90001.hubspot.test",
    userEmail: "admin@private-90001.hubspot.test",
    scopes: [...KNOWN_SCOPES],
  };
  const naivePortal = {
    ...privatePortal,
    id: NAIVE_PORTAL,
    name: "The naive loop's portal",
    hubDomain: `naive-${NAIVE_PORTAL}.hubspot.test`,
    userEmail: `admin@naive-${NAIVE_PORTAL}.hubspot.test`,
  };
  const sim = await startSimulator({ port: 0, rateLimit: "marketplace", portals: [...DEFAULT_PORTALS, privatePortal, naivePortal] });
  const database = await createBenchDatabase("sync");
  configureAppForSimulator(sim.url, database.url, { NODE_ENV: "production", AUTH_TRUST_HOST: "true" });
  try {
    const profiles: ProfileResult[] = [];
    for (const profile of ["marketplace", "private-starter"] as const) {
      await simControl(sim.url, "PATCH", "/_sim/config", { rateLimit: profile });
      profiles.push(await benchProfile(sim.url, database, profile, PROFILE_PORTALS[profile], signups));
    }
    await simControl(sim.url, "PATCH", "/_sim/config", { rateLimit: "marketplace" });
    const { tenant } = await createBenchTenant(database.db, "naive-bench");
    const naive = await runNaiveSync(database.db, tenant.id, naiveSeconds, sim.url);
    const marketplace = profiles[0]?.contactsPerSecond ?? 0;
    return { signups, profiles, naive, ratio: round(marketplace / Math.max(naive.contactsPerSecond, 0.001)) };
  } finally {
    await database.remove();
    await sim.close();
  }
}

async function benchProfile(
  simUrl: string,
  database: BenchDatabase,
  profile: RateLimitProfile,
  portalId: number,
  signups: number,
): Promise<ProfileResult> {
  const limit = RATE_LIMIT_PROFILES[profile];
  const { tenant, admin } = await createBenchTenant(database.db, `sync-bench-${profile}`);
  await connectPortal({ db: database.db, tenant }, { actor: admin.actor, portalId });
  await insertSignups(database.db, tenant.id, signups, profile);
  await simControl(simUrl, "DELETE", "/_sim/requests");

  const progress: { at: number; synced: number }[] = [];
  const started = performance.now();
  const worker = createRuntime({ ...serverEnv(), DATABASE_URL: database.url }, { store: database.store }).workers.start();
  for (;;) {
    const synced = await database.db.signup.count({ where: { tenantId: tenant.id, status: { not: "PENDING" } } });
    progress.push({ at: performance.now() - started, synced });
    if (synced >= signups || performance.now() - started > 120_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();

  const contacts = await simControl<{ results: { properties: { email?: string } }[] }>(simUrl, "GET", `/_sim/portals/${portalId}/contacts`);
  const emails = contacts.results.map((contact) => contact.properties.email ?? "");
  const { requests } = await simControl<{ requests: { path: string; status: number | null }[] }>(simUrl, "GET", "/_sim/requests");
  const upserts = requests.filter((entry) => entry.path.endsWith("/batch/upsert"));
  const syncedRows = await database.db.signup.count({ where: { tenantId: tenant.id, status: "SYNCED" } });
  const ceiling = (limit.max * 100 * 1000) / limit.intervalMs;
  const sustained = sustainedRate(progress);
  return {
    profile,
    simulatorLimit: `${limit.max} requests / ${limit.intervalMs / 1000} s per portal${"daily" in limit ? `, ${limit.daily} a day` : ""}`,
    ceilingContactsPerSecond: ceiling,
    seconds: round(seconds),
    contactsPerSecond: round(syncedRows / seconds),
    sustainedContactsPerSecond: sustained,
    shareOfCeilingPercent: round((sustained / ceiling) * 100),
    upsertCalls: upserts.length,
    rateLimited429: upserts.filter((entry) => entry.status === 429).length,
    lost: signups - new Set(emails).size,
    duplicates: emails.length - new Set(emails).size,
  };
}

// A rolling 10 s limit lets each window start with a burst, so the honest sustained rate is taken
// over whole windows only: contacts synced by the end of the last complete window / its length.
function sustainedRate(progress: { at: number; synced: number }[]): number {
  const last = progress.at(-1);
  if (!last || last.at < 10_000) return 0;
  const windowEnd = Math.floor(last.at / 10_000) * 10_000;
  const atWindowEnd = progress.filter((point) => point.at <= windowEnd).at(-1);
  return atWindowEnd ? round(atWindowEnd.synced / (windowEnd / 1000)) : 0;
}

async function insertSignups(db: Db, tenantId: string, count: number, label: string): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const data = Array.from({ length: Math.min(1000, count - start) }, (_, offset) => {
      const email = `bench-${label}-${start + offset}@example.com`;
      return { tenantId, email, emailNormalized: email, firstName: `Reader ${start + offset}`, consentGiven: true };
    });
    await db.signup.createMany({ data });
  }
}
