// What every /api/v1 suite starts from: a real database (SQLite or PostgreSQL), the HubSpot simulator,
// the app configured for both, two tenants (one with a connected portal) and keys of every kind.
// The routes are called as Next calls them: the exported handler with a Request and its params.
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import type { ApiScope } from "@switchboard/lib/api-keys/scopes";
import type { ApiRoute } from "@switchboard/lib/api/define-route";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { startSimulatorWorld, type SimulatorWorld } from "@/tests/helpers/simulator-world";
import type { TestProvider } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

export type ApiWorld = SimulatorWorld & {
  provider: TestProvider;
  tenant: { id: string; slug: string };
  otherTenant: { id: string; slug: string };
  connectionId: string;
  /** A key of `tenant` with the given scopes (default: every tenant scope). */
  tenantKey(scopes?: ApiScope[]): Promise<string>;
  otherTenantKey(scopes?: ApiScope[]): Promise<string>;
  operatorKey(scopes?: ApiScope[]): Promise<string>;
  call(route: ApiRoute, init: CallInit): Promise<Response>;
  /** Every response the suites received, for the contract check against the OpenAPI document. */
  recorded: RecordedResponse[];
};

export type RecordedResponse = { operationId: string; status: number; contentType: string | null; body: string };

export type CallInit = {
  key?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
};

const everyTenantScope: ApiScope[] = ["connections:read", "connections:token", "signups:read", "signups:write", "webhooks:manage"];
const creator = { userId: null, label: "test" };

export async function startApiWorld(provider: TestProvider, env: Record<string, string> = {}): Promise<ApiWorld> {
  const world = await startSimulatorWorld(provider, { API_RATE_LIMIT_POINTS: "100000", WEBHOOK_ALLOW_PRIVATE_URLS: "true", ...env });
  const { db } = world.database;
  const {
    tenant,
    people: [owner],
  } = await seedTenant(db);
  const other = await seedTenant(db);
  const { connectionId } = await connectPortal({ db, tenant }, { actor: owner.actor });
  const recorded: RecordedResponse[] = [];
  const keyFor =
    (tenantId: string | null, fallback: ApiScope[]) =>
    async (scopes: ApiScope[] = fallback) =>
      (await createApiKey(db, { tenantId, name: "test key", scopes, creator })).key;
  return {
    ...world,
    provider,
    tenant: { id: tenant.id, slug: tenant.slug },
    otherTenant: { id: other.tenant.id, slug: other.tenant.slug },
    connectionId,
    tenantKey: keyFor(tenant.id, everyTenantScope),
    otherTenantKey: keyFor(other.tenant.id, everyTenantScope),
    operatorKey: keyFor(null, [...everyTenantScope, "tenants:admin"]),
    recorded,
    call: async (route, init) => {
      const response = await callRoute(route, init);
      const body = await response.clone().text();
      recorded.push({
        operationId: route.spec.operationId,
        status: response.status,
        contentType: response.headers.get("content-type"),
        body,
      });
      return response;
    },
  };
}

export function callRoute(route: ApiRoute, init: CallInit): Promise<Response> {
  let path = route.spec.path;
  for (const [name, value] of Object.entries(init.params ?? {})) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const url = new URL(`http://localhost:3000${path}`);
  for (const [name, value] of Object.entries(init.query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = { ...(init.key ? { authorization: `Bearer ${init.key}` } : {}), ...init.headers };
  let body: BodyInit | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(url, { method: route.spec.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) });
  return route.handle(request, { params: Promise.resolve(init.params ?? {}) });
}
