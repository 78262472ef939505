// (f) Dashboards at a million rows: server time of the signups page (and its next page, a status
// filter and an email search), the integrations page, and the CSV export, for a tenant with no
// signups and one with 1,000,000 — on `npm start` over HTTP with a real session cookie.
import { encode } from "next-auth/jwt";
import { stampSignIn } from "@switchboard/lib/auth/session-lifetime";
import { currentSessionVersion } from "@switchboard/lib/auth/session-version";
import { seedPerson } from "@/tests/helpers/seed-tenant";
import { createBenchDatabase, createBenchTenant } from "./support/bench-database";
import { insertBulkSignups } from "./support/bulk-signups";
import { runLoad, round, type LoadResult } from "./support/load-generator";
import { ensureProductionBuild, startAppServer } from "./support/production-app";
import { randomBytes } from "node:crypto";
import { request } from "node:http";

export interface PageTimings {
  signups: LoadResult;
  signupsFiltered: LoadResult;
  signupsSearch: LoadResult;
  integrations: LoadResult;
}

export interface SignupsPageResult {
  rows: number;
  fixtureSeconds: number;
  empty: PageTimings;
  million: PageTimings;
  p95Ratio: number;
  csv: { rows: number; seconds: number; firstByteMs: number; megabytes: number };
}

const DIST_DIR = ".next-bench";

export async function benchSignupsPage(rows: number, durationMs: number): Promise<SignupsPageResult> {
  const database = await createBenchDatabase("signups-page");
  try {
    const secret = randomBytes(32).toString("base64");
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: secret,
      AUTH_TRUST_HOST: "true",
      TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      SYNC_IN_PROCESS: "false",
      LOG_LEVEL: "error",
    };
    const { tenant: emptyTenant, admin } = await createBenchTenant(database.db, "page-empty");
    const { tenant: bigTenant } = await createBenchTenant(database.db, "page-million");
    await seedPerson(database.db, bigTenant.id, { role: "OWNER", email: admin.email });
    const fixtureStarted = performance.now();
    // Mostly synced, some waiting and failed, arriving over the last ~12 days (1 row per ms).
    const startAt = new Date(Date.now() - rows);
    await insertBulkSignups(database.db, "sqlite", {
      tenantIds: [bigTenant.id],
      perTenant: Math.round(rows * 0.8),
      status: "SYNCED",
      prefix: "s",
      startAt,
    });
    await insertBulkSignups(database.db, "sqlite", {
      tenantIds: [bigTenant.id],
      perTenant: Math.round(rows * 0.15),
      status: "WAITING",
      prefix: "w",
      startAt,
    });
    await insertBulkSignups(database.db, "sqlite", {
      tenantIds: [bigTenant.id],
      perTenant: rows - Math.round(rows * 0.8) - Math.round(rows * 0.15),
      status: "FAILED",
      prefix: "f",
      startAt,
    });
    await database.db.$queryRawUnsafe("PRAGMA analysis_limit = 1000");
    await database.db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
    const fixtureSeconds = (performance.now() - fixtureStarted) / 1000;
    await database.db.$disconnect();

    await ensureProductionBuild(DIST_DIR, env);
    const server = await startAppServer(DIST_DIR, env);
    try {
      // The session the app issues at sign-in: stamped with the sign-in time and the session version
      // (a token without either is refused).
      const sessionVersion = await currentSessionVersion(database.db, admin.userId);
      const session = stampSignIn({ sub: admin.userId, email: admin.email, name: admin.name, sessionVersion });
      const token = await encode({ token: session, secret, salt: "authjs.session-token" });
      const headers = { cookie: `authjs.session-token=${token}` };
      const measure = async (path: string) => {
        const url = `${server.url}${path}`;
        await runLoad({ url, concurrency: 2, durationMs: 1_000, body: null, okStatus: 200, headers });
        const result = await runLoad({ url, concurrency: 2, durationMs, body: null, okStatus: 200, headers });
        // A redirect to the login page is fast and measures nothing: only a page served counts.
        if (result.okResponses !== result.requests)
          throw new Error(`${path} answered ${JSON.stringify(result.statusCounts)}, not only 200`);
        return result;
      };
      const pages = async (slug: string): Promise<PageTimings> => ({
        signups: await measure(`/t/${slug}/signups`),
        signupsFiltered: await measure(`/t/${slug}/signups?status=FAILED`),
        signupsSearch: await measure(`/t/${slug}/signups?q=s12`),
        integrations: await measure(`/t/${slug}/integrations`),
      });
      const empty = await pages(emptyTenant.slug);
      const million = await pages(bigTenant.slug);
      const csv = await downloadCsv(`${server.url}/t/${bigTenant.slug}/signups/export`, headers.cookie);
      return {
        rows,
        fixtureSeconds: round(fixtureSeconds),
        empty,
        million,
        p95Ratio: round(million.signups.p95Ms / Math.max(empty.signups.p95Ms, 0.001)),
        csv,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.remove();
  }
}

function downloadCsv(url: string, cookie: string): Promise<{ rows: number; seconds: number; firstByteMs: number; megabytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request({ host: target.hostname, port: target.port, path: target.pathname, headers: { cookie } }, (incoming) => {
      if (incoming.statusCode !== 200) {
        incoming.resume();
        reject(new Error(`the CSV export answered ${incoming.statusCode}`));
        return;
      }
      const firstByteMs = performance.now() - started;
      let bytes = 0;
      let lines = 0;
      incoming.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
      });
      incoming.on("end", () =>
        resolve({
          rows: Math.max(0, lines - 1),
          seconds: round((performance.now() - started) / 1000),
          firstByteMs: round(firstByteMs),
          megabytes: round(bytes / 1e6),
        }),
      );
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}
