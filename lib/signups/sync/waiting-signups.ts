// Moves a tenant's signups between the due set (PENDING) and WAITING, whenever whether they can be
// sent changes: connect and reconnect bring them back, needs-reconnect and disconnect park them,
// and the sync parks any PENDING row it finds without a usable destination (a repeat signup, an
// admin's retry). Waiting rows then cost nothing: no claim, poll or count walks them.
import type { Db } from "@/lib/db/create-client";
import { parkPendingSignups as parkPendingStatement } from "@/lib/db/statements/signup-queue";
import { isUsable, resolveDestination, resolveDestinations } from "./destination";

export const WAITING_MESSAGE = "Waiting: HubSpot is not connected, or needs to be reconnected on the integrations page";

/** Brings the tenant's signups into line with its destination now. Returns the rows moved. */
export async function reconcileTenantSignups(db: Db, tenantId: string): Promise<number> {
  return isUsable(await resolveDestination(db, tenantId)) ? releaseWaitingSignups(db, tenantId) : parkPendingSignups(db, tenantId);
}

/**
 * WAITING → PENDING. nextAttemptAt is kept: long-waiting rows are due at once, while a row a
 * worker still holds (its claim moved nextAttemptAt to the lease's end) is not claimed twice.
 */
export async function releaseWaitingSignups(db: Db, tenantId: string): Promise<number> {
  const { count } = await db.signup.updateMany({ where: { tenantId, status: "WAITING" }, data: { status: "PENDING", lastError: null } });
  return count;
}

/**
 * PENDING → WAITING, but only while the tenant really has no usable destination, checked in the
 * same statement: a connect that commits first is never undone by a decision taken earlier.
 */
export async function parkPendingSignups(db: Db, tenantId: string): Promise<number> {
  return parkPendingStatement(db, tenantId, WAITING_MESSAGE);
}

/**
 * Safety net run now and then by the sync: WAITING rows of tenants that can send again. On
 * PostgreSQL a park and a connect racing in separate transactions could leave rows behind;
 * this costs one index probe per connected tenant, never a walk over waiting rows, in a few
 * statements however many tenants are connected.
 */
export async function releaseStrandedSignups(db: Db): Promise<number> {
  const connected = await db.connection.findMany({
    where: { status: { not: "NEEDS_RECONNECT" } },
    select: { tenantId: true },
    distinct: ["tenantId"],
  });
  const destinations = await resolveDestinations(
    db,
    connected.map((row) => row.tenantId),
  );
  const usable = [...destinations].filter(([, destination]) => isUsable(destination)).map(([tenantId]) => tenantId);
  let released = 0;
  for (let start = 0; start < usable.length; start += TENANTS_PER_STATEMENT) {
    const { count } = await db.signup.updateMany({
      where: { tenantId: { in: usable.slice(start, start + TENANTS_PER_STATEMENT) }, status: "WAITING" },
      data: { status: "PENDING", lastError: null },
    });
    released += count;
  }
  return released;
}

// SQLite takes at most 999 parameters in one statement.
const TENANTS_PER_STATEMENT = 500;
