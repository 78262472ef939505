// One real database (SQLite or PostgreSQL), one in-process HubSpot simulator, a seeded tenant with
// an owner, an admin, a member and an outsider, and the services the flows need — no mocks.
import { DEFAULT_HEALTH_POLICY } from "@switchboard/lib/integrations/connection-status";
import { randomBytes } from "node:crypto";
import type { Store } from "@switchboard/lib/db/store";
import { createTestDatabase } from "@/tests/helpers/databases";
import { startSimulator, type RunningSimulator } from "@/simulator/src/server";
import type { Db } from "@switchboard/lib/db/create-client";
import { formatKeyRing, parseKeyRing, type KeyRing } from "@switchboard/lib/crypto/key-ring";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";
import type { IntegrationServices } from "@switchboard/lib/integrations/services";
import type { FlowActor, FlowTenant } from "@switchboard/lib/integrations/flows/types";
import { seedTenant } from "@/tests/helpers/seed-tenant";

export const APP_URL = "http://app.switchboard.test";
export const REDIRECT_URI = `${APP_URL}/api/integrations/hubspot/callback`;

export type ConnectionsFixture = {
  db: Db;
  store: Store;
  databaseUrl: string;
  sim: RunningSimulator;
  config: HubspotConfig;
  keyRing: KeyRing;
  keyRingText: string;
  services: IntegrationServices;
  tenant: FlowTenant;
  otherTenant: FlowTenant;
  owner: FlowActor;
  admin: FlowActor;
  member: FlowActor;
  outsider: FlowActor;
  /** A clean slate between tests: no connections, audit events or OAuth states; simulator reset. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export async function startConnectionsFixture(provider: "sqlite" | "postgresql" = "sqlite"): Promise<ConnectionsFixture> {
  const database = await createTestDatabase(provider);
  const sim = await startSimulator({ port: 0, redirectUris: [REDIRECT_URI] });
  const keyRingText = formatKeyRing([{ id: "test1", key: randomBytes(32) }]);
  const keyRing = parseKeyRing(keyRingText);
  const config: HubspotConfig = {
    clientId: "switchboard-local",
    clientSecret: "switchboard-local-secret",
    requiredScopes: ["oauth", "crm.objects.contacts.write"],
    optionalScopes: ["crm.objects.contacts.read"],
    authBaseUrl: sim.url,
    apiBaseUrl: sim.url,
    redirectUri: REDIRECT_URI,
    requestTimeoutMs: 5_000,
  };
  const hubspot = createHubspotProvider(config);
  const services: IntegrationServices = { keyRing, provider: () => hubspot, health: DEFAULT_HEALTH_POLICY };
  const seeded = await seed(database.db);
  return {
    db: database.db,
    store: database.store,
    databaseUrl: database.url,
    sim,
    config,
    keyRing,
    keyRingText,
    services,
    ...seeded,
    async reset() {
      await database.db.auditEvent.deleteMany({});
      await database.db.connection.deleteMany({});
      await database.db.oAuthState.deleteMany({});
      await database.db.tenant.updateMany({ data: { newsletterConnectionId: null } });
      const response = await fetch(`${sim.url}/_sim/reset`, { method: "POST" });
      if (!response.ok) throw new Error(`simulator reset answered ${response.status}`);
    },
    async close() {
      await sim.close();
      await database.drop();
    },
  };
}

async function seed(db: Db) {
  const suffix = randomBytes(4).toString("hex");
  const acme = await seedTenant(db, {
    slug: `acme-${suffix}`,
    name: "Acme",
    people: [
      { role: "OWNER", name: "Olivia Owner" },
      { role: "ADMIN", name: "Adam Admin" },
      { role: "MEMBER", name: "Mia Member" },
    ],
  });
  const globex = await seedTenant(db, { slug: `globex-${suffix}`, name: "Globex", people: [{ role: "OWNER", name: "Oscar Outsider" }] });
  const [owner, admin, member] = acme.people.map((person) => person.actor);
  return {
    tenant: { id: acme.tenant.id, slug: acme.tenant.slug },
    otherTenant: { id: globex.tenant.id, slug: globex.tenant.slug },
    owner: owner!,
    admin: admin!,
    member: member!,
    outsider: globex.people[0]!.actor,
  };
}
