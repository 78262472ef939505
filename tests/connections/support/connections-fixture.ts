// One real database (SQLite or PostgreSQL), one in-process HubSpot simulator, a seeded tenant with
// an owner, an admin, a member and an outsider, and the services the flows need — no mocks.
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "@/tests/helpers/databases";
import { startSimulator, type RunningSimulator } from "@/simulator/src/server";
import type { Db } from "@switchboard/lib/db/create-client";
import { formatKeyRing, parseKeyRing, type KeyRing } from "@switchboard/lib/crypto/key-ring";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";
import type { IntegrationServices } from "@switchboard/lib/integrations/services";
import { actorFromUser, type FlowActor, type FlowTenant } from "@switchboard/lib/integrations/flows/types";

export const APP_URL = "http://app.switchboard.test";
export const REDIRECT_URI = `${APP_URL}/api/integrations/hubspot/callback`;

export type ConnectionsFixture = {
  db: Db;
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
  const services: IntegrationServices = { keyRing, provider: () => hubspot };
  const seeded = await seed(database.db);
  return {
    db: database.db,
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
  const user = async (name: string) =>
    db.user.create({ data: { email: `${name}-${suffix}@example.com`, name, passwordHash: "not-used-here" } });
  const [owner, admin, member, outsider] = await Promise.all(["Olivia Owner", "Adam Admin", "Mia Member", "Oscar Outsider"].map(user));
  const tenant = await db.tenant.create({ data: { name: "Acme", slug: `acme-${suffix}` } });
  const otherTenant = await db.tenant.create({ data: { name: "Globex", slug: `globex-${suffix}` } });
  await db.membership.createMany({
    data: [
      { userId: owner!.id, tenantId: tenant.id, role: "OWNER" },
      { userId: admin!.id, tenantId: tenant.id, role: "ADMIN" },
      { userId: member!.id, tenantId: tenant.id, role: "MEMBER" },
      { userId: outsider!.id, tenantId: otherTenant.id, role: "OWNER" },
    ],
  });
  return {
    tenant: { id: tenant.id, slug: tenant.slug },
    otherTenant: { id: otherTenant.id, slug: otherTenant.slug },
    owner: actorFromUser(owner!),
    admin: actorFromUser(admin!),
    member: actorFromUser(member!),
    outsider: actorFromUser(outsider!),
  };
}
