// The demo's example host product (examples/connect-host): a tenant API key for Contoso with the
// connect scopes, the host's origin added to Contoso's allowed origins, and the host page itself,
// so "Connect HubSpot from inside another product" can be tried next to the dashboard.
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { createDbClient } from "@switchboard/lib/db/create-client";
import { parseAllowedOrigins } from "@switchboard/lib/signups/intake/public-tenant";
import { startConnectHost } from "@/examples/connect-host/server";

export async function startDemoConnectHost(input: {
  databaseUrl: string;
  appUrl: string;
  port: number;
  listenHost?: string;
}): Promise<string | null> {
  const db = createDbClient(input.databaseUrl);
  try {
    const tenant = await db.tenant.findUnique({ where: { slug: "contoso" }, select: { id: true, allowedOrigins: true } });
    if (!tenant) return null;
    const origin = `http://localhost:${input.port}`;
    const origins = parseAllowedOrigins(tenant.allowedOrigins);
    if (!origins.includes(origin))
      await db.tenant.update({ where: { id: tenant.id }, data: { allowedOrigins: [...origins, origin].join("\n") } });
    const { key } = await createApiKey(db, {
      tenantId: tenant.id,
      name: "Demo example host",
      scopes: ["connections:write", "connections:read"],
      creator: { userId: null, label: "demo" },
    });
    const host = await startConnectHost({
      port: input.port,
      switchboardUrl: input.appUrl,
      apiKey: key,
      ...(input.listenHost ? { listenHost: input.listenHost } : {}),
    });
    return host.url;
  } finally {
    await db.$disconnect();
  }
}
