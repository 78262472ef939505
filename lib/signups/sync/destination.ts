// THE newsletter destination rule, written once: a tenant's signups go to the connection chosen on
// the integrations page if it still exists, else the oldest (the first portal connected). It is
// usable unless it needs reconnecting — another portal that still works does not stand in for it.
// pickDestination is the rule; usableDestinationSql (lib/db/statements/signup-queue.ts) is the same
// rule as a SQL condition for the statement that parks signups (a test checks both agree).
import type { Db } from "@/lib/db/create-client";
import { parseSignupFields, type SignupFields } from "../fields/signup-fields";

export interface Destination {
  connectionId: string;
  portalId: string;
  status: string;
  /** The tenant's optional form fields and the properties they go to (read with the tenant, at no extra cost). */
  signupFields: SignupFields;
}

export function isUsable(destination: Destination | null | undefined): destination is Destination {
  return !!destination && destination.status !== "NEEDS_RECONNECT";
}

/** The rule itself: `connections` oldest first. */
export function pickDestination<T extends { id: string }>(chosenId: string | null, connections: readonly T[]): T | null {
  return connections.find((connection) => connection.id === chosenId) ?? connections[0] ?? null;
}

// Tenants per query: SQLite takes at most 999 parameters in one statement (a platform's housekeeping
// asks about every connected tenant at once).
const TENANTS_PER_QUERY = 500;

export async function resolveDestinations(db: Db, tenantIds: string[]): Promise<Map<string, Destination | null>> {
  const tenants = [];
  for (let start = 0; start < tenantIds.length; start += TENANTS_PER_QUERY) {
    tenants.push(
      ...(await db.tenant.findMany({
        where: { id: { in: tenantIds.slice(start, start + TENANTS_PER_QUERY) } },
        select: {
          id: true,
          newsletterConnectionId: true,
          signupFields: true,
          connections: { select: { id: true, portalId: true, status: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      })),
    );
  }
  const destinations = new Map<string, Destination | null>(tenantIds.map((id) => [id, null]));
  for (const tenant of tenants) {
    const connection = pickDestination(tenant.newsletterConnectionId, tenant.connections);
    destinations.set(
      tenant.id,
      connection
        ? {
            connectionId: connection.id,
            portalId: connection.portalId,
            status: connection.status,
            signupFields: parseSignupFields(tenant.signupFields),
          }
        : null,
    );
  }
  return destinations;
}

export async function resolveDestination(db: Db, tenantId: string): Promise<Destination | null> {
  return (await resolveDestinations(db, [tenantId])).get(tenantId) ?? null;
}
