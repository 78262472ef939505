// (a) Sync throughput per portal against the simulator with HubSpot's real limit (110 calls per
// rolling 10 s): our batch-upsert engine vs the naive one-create-call-per-signup design.
import { startSimulator } from "@/simulator/src/server";
import { productionSyncOptions } from "@/lib/signups/sync/production-wiring";
import { startSyncWorker } from "@/lib/signups/sync/sync-worker";
import { configureBenchEnv } from "./support/bench-env";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { connectPortal } from "./support/connect-portal";
import { runNaiveSync } from "./support/naive-sync";
import { round } from "./support/load-generator";

export interface SyncBenchResult {
  signups: number;
  simulatorLimit: string;
  seconds: number;
  contactsPerSecond: number;
  steadyContactsPerSecond: number;
  upsertCalls: number;
  rateLimited429: number;
  lost: number;
  duplicates: number;
  naive: { seconds: number; contacts: number; contactsPerSecond: number; rateLimited429: number };
  ratio: number;
}

export async function benchSyncThroughput(signups: number, naiveSeconds: number): Promise<SyncBenchResult> {
  const sim = await startSimulator({ port: 0, rateLimit: { max: 110, intervalMs: 10_000 } });
  const database = await createBenchDatabase("sync");
  configureBenchEnv(sim.url, database.url);
  try {
    const { tenant, user } = await createBenchTenant(database.db, "sync-bench");
    await connectPortal(database.db, sim.url, { userId: user.id, tenant }, { portalId: 62515 });
    await insertSignups(database.db, tenant.id, signups);
    await fetch(`${sim.url}/_sim/requests`, { method: "DELETE" });

    const progress: { at: number; synced: number }[] = [];
    const started = performance.now();
    const worker = startSyncWorker(productionSyncOptions(database.db, database.url));
    for (;;) {
      const synced = await database.db.signup.count({ where: { tenantId: tenant.id, status: { not: "PENDING" } } });
      progress.push({ at: performance.now() - started, synced });
      if (synced >= signups || performance.now() - started > 120_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    await worker.stop();

    const contacts = (await (await fetch(`${sim.url}/_sim/portals/62515/contacts`)).json()) as { results: { properties: { email?: string } }[] };
    const emails = contacts.results.map((contact) => contact.properties.email ?? "");
    const requests = ((await (await fetch(`${sim.url}/_sim/requests`)).json()) as { requests: { path: string; status: number | null }[] }).requests;
    const upserts = requests.filter((entry) => entry.path.endsWith("/batch/upsert"));
    const syncedRows = await database.db.signup.count({ where: { tenantId: tenant.id, status: "SYNCED" } });

    const naive = await runNaiveSync(sim.url, database.db, tenant.id, naiveSeconds);
    const contactsPerSecond = round(syncedRows / seconds);
    return {
      signups,
      simulatorLimit: "110 requests / 10 s per portal",
      seconds: round(seconds),
      contactsPerSecond,
      steadyContactsPerSecond: steadyRate(progress),
      upsertCalls: upserts.length,
      rateLimited429: upserts.filter((entry) => entry.status === 429).length,
      lost: signups - new Set(emails).size,
      duplicates: emails.length - new Set(emails).size,
      naive,
      ratio: round(contactsPerSecond / Math.max(naive.contactsPerSecond, 0.001)),
    };
  } finally {
    await database.remove();
    await sim.close();
  }
}

// The first 10 s window allows a burst; the sustained rate is what the window lets through after it.
function steadyRate(progress: { at: number; synced: number }[]): number {
  const after = progress.filter((point) => point.at >= 10_000);
  const first = after[0];
  const last = after.at(-1);
  if (!first || !last || last.at - first.at < 1_000) return 0;
  return round((last.synced - first.synced) / ((last.at - first.at) / 1000));
}

async function insertSignups(db: import("@/lib/db/create-client").Db, tenantId: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const data = Array.from({ length: Math.min(1000, count - start) }, (_, offset) => {
      const email = `bench${start + offset}@example.com`;
      return { tenantId, email, emailNormalized: email, firstName: `Reader ${start + offset}`, consentGiven: true };
    });
    await db.signup.createMany({ data });
  }
}
