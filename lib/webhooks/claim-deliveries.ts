// Claims due deliveries for one worker, with the signups' discipline: claimedBy/claimedUntil is a
// lease that expires on its own (a worker killed mid-delivery only delays its rows), taken by
// compare-and-swap on SQLite and with FOR UPDATE SKIP LOCKED on PostgreSQL.
import type { Db } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";

export async function claimDueDeliveries(db: Db, provider: DatabaseProvider, workerId: string, limit: number, leaseMs: number): Promise<string[]> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  if (provider === "postgresql") {
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "WebhookDelivery" SET "claimedBy" = ${workerId}, "claimedUntil" = ${until}
      WHERE "id" IN (
        SELECT d."id" FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
        WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} AND e."enabled"
          AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${now})
        ORDER BY d."nextAttemptAt" LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED
      )
      RETURNING "id"`;
    return rows.map((row) => row.id);
  }
  const free = { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
  const candidates = await db.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now }, endpoint: { enabled: true }, ...free },
    select: { id: true }, orderBy: { nextAttemptAt: "asc" }, take: limit,
  });
  if (candidates.length === 0) return [];
  const ids = candidates.map((row) => row.id);
  // SQLite has one writer at a time: "only if still free" makes this update the claim.
  await db.webhookDelivery.updateMany({ where: { id: { in: ids }, status: "PENDING", ...free }, data: { claimedBy: workerId, claimedUntil: until } });
  const held = await db.webhookDelivery.findMany({ where: { id: { in: ids }, claimedBy: workerId, claimedUntil: until }, select: { id: true } });
  return held.map((row) => row.id);
}
