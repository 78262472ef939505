// Large signup fixtures, fast: one INSERT … SELECT per tenant that generates its rows in the
// database (a recursive CTE on SQLite, generate_series on PostgreSQL), never a Prisma create per
// row. Rows of several tenants interleave in arrival order (row i belongs to tenant i mod n), the
// shape that used to fragment claims. Timestamps use Prisma's SQLite text format, so the app reads
// them back unchanged. releaseBulkSignups makes rows inserted as FAILED due in one statement, so
// signups can "arrive" at a chosen moment without the bench's inserts weighing on what it measures.
import type { Db } from "@switchboard/lib/db/create-client";
import type { DatabaseProvider } from "@switchboard/lib/db/database-url";
import { Prisma } from "@switchboard/lib/db/generated/sqlite/client";
import { withLockRetries } from "@switchboard/lib/db/statements/sqlite-lock-wait";
import type { Store } from "@switchboard/lib/db/store";

export interface BulkSignups {
  tenantIds: string[];
  perTenant: number;
  status?: "PENDING" | "WAITING" | "SYNCED" | "FAILED";
  /** Arrival of the first row; each following row (across tenants) arrives 1 ms later. */
  startAt?: Date;
  prefix?: string;
}

export async function insertBulkSignups(db: Db, provider: DatabaseProvider, spec: BulkSignups): Promise<void> {
  const status = spec.status ?? "PENDING";
  const prefix = spec.prefix ?? "bulk";
  const startMs = (spec.startAt ?? new Date(Date.now() - spec.perTenant * spec.tenantIds.length)).getTime();
  const tenants = spec.tenantIds.length;
  for (const [index, tenantId] of spec.tenantIds.entries()) {
    // One transaction per tenant: one fsync, and the triggers keep the counters as they go.
    const tag = `${prefix}${index}x`;
    if (provider === "sqlite") {
      await db.$executeRawUnsafe(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${spec.perTenant - 1})
         INSERT INTO "Signup" ("id", "tenantId", "email", "emailNormalized", "firstName", "consentGiven", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
         SELECT '${tag}' || i, ?, '${tag}' || i || '@example.com', '${tag}' || i || '@example.com', 'Reader', 1, '${status}', 0,
                strftime('%Y-%m-%dT%H:%M:%f+00:00', (${startMs} + (i * ${tenants} + ${index})) / 1000.0, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%f+00:00', (${startMs} + (i * ${tenants} + ${index})) / 1000.0, 'unixepoch'),
                strftime('%Y-%m-%dT%H:%M:%f+00:00', (${startMs} + (i * ${tenants} + ${index})) / 1000.0, 'unixepoch')
         FROM n`,
        tenantId,
      );
    } else {
      await db.$executeRawUnsafe(
        `INSERT INTO "Signup" ("id", "tenantId", "email", "emailNormalized", "firstName", "consentGiven", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
         SELECT '${tag}' || i, $1, '${tag}' || i || '@example.com', '${tag}' || i || '@example.com', 'Reader', true, '${status}', 0, at, at, at
         FROM generate_series(0, ${spec.perTenant - 1}) AS i,
              LATERAL (SELECT (to_timestamp((${startMs} + (i * ${tenants} + ${index})) / 1000.0) AT TIME ZONE 'UTC')::timestamp(3) AS at) AS t`,
        tenantId,
      );
    }
  }
}

/** What releasing cost the bench itself: CPU of this process (SQLite runs in it), and the PostgreSQL backend that ran it. */
export type Release = { at: number; ownCpuMs: number; backendPid: number | null };

/** FAILED → PENDING for these tenants' rows, in one statement: their signups are due from now on. */
export async function releaseBulkSignups(store: Store, tenantIds: string[]): Promise<Release> {
  const sqlite = store.sqlite();
  if (sqlite) {
    const update = sqlite.prepare(
      `UPDATE "Signup" SET "status" = 'PENDING' WHERE "status" = 'FAILED' AND "tenantId" IN (SELECT value FROM json_each(?))`,
    );
    let ownCpuMs = 0;
    // Synchronous: nothing else of this process runs meanwhile, so its CPU is the statement's alone.
    await withLockRetries(30_000, () => {
      const before = process.cpuUsage();
      try {
        update.run(JSON.stringify(tenantIds));
      } finally {
        const used = process.cpuUsage(before);
        ownCpuMs += (used.user + used.system) / 1000;
      }
    });
    return { at: Date.now(), ownCpuMs, backendPid: null };
  }
  // One statement (a data-modifying WITH runs to completion), so the backend that ran it is known.
  const [backend] = await store.db.$queryRaw<{ pid: number }[]>`
    WITH released AS (
      UPDATE "Signup" SET "status" = 'PENDING' WHERE "status" = 'FAILED' AND "tenantId" IN (${Prisma.join(tenantIds)}) RETURNING 1)
    SELECT pg_backend_pid() AS pid, (SELECT COUNT(*) FROM released) AS released`;
  return { at: Date.now(), ownCpuMs: 0, backendPid: backend?.pid ?? null };
}
