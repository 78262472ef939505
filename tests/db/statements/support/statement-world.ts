// One migrated database per provider for the statement contract suite, each with its own Store (the
// database layer's handles), a tenant and a connection: every suite runs the same cases on both.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type TestDatabase, type TestProvider } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

export type StatementWorld = { database: TestDatabase; tenantId: string; connectionId: string };

/** Call inside describe.each(testProviders): a fresh tenant and connection before every test. */
export function useStatementWorld(provider: TestProvider): () => StatementWorld {
  let database: TestDatabase;
  let world: StatementWorld;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await database.reset();
    const { tenant } = await seedTenant(database.db, { people: [] });
    const connection = await database.db.connection.create({ data: { tenantId: tenant.id, provider: "hubspot", portalId: "62515" } });
    world = { database, tenantId: tenant.id, connectionId: connection.id };
  });
  return () => world;
}

let sequence = 0;

/** A signup row as intake leaves it (PENDING, due now unless told otherwise). */
export async function addSignup(
  world: StatementWorld,
  data: {
    nextAttemptAt?: Date;
    claimedBy?: string;
    claimedUntil?: Date;
    status?: "PENDING" | "WAITING" | "FAILED" | "SYNCED";
    attempts?: number;
    lastName?: string;
    company?: string;
  } = {},
) {
  const email = `reader${++sequence}@example.com`;
  return world.database.db.signup.create({
    data: { tenantId: world.tenantId, email, emailNormalized: email, consentGiven: true, ...data },
  });
}
