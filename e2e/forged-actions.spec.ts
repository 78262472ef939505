// Every tenant server action, posted by hand the way a browser posts it (Next-Action header and
// React's reply encoding), as a Contoso MEMBER and as the admin of another tenant: each is refused
// like "not found" and the database does not change. The list comes from the build's own manifest,
// so an action added without the wrapper is caught here. A Contoso admin's post of the same kind
// changes the settings: proof that the forged request is one the app would act on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { Db } from "@switchboard/lib/db/create-client";
import { test, expect } from "./fixtures";

type ManifestEntry = { filename: string; exportedName: string };

function tenantActions(distDir: string): Array<ManifestEntry & { id: string }> {
  const manifest = JSON.parse(readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename.startsWith("app/(dashboard)/t/"))
    .map(([id, entry]) => ({ ...entry, id }));
}

/** What React's encodeReply sends for action(previousState = null, formData). */
function forgedBody(fields: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = { "0": JSON.stringify([null, "$K1"]) };
  for (const [name, value] of Object.entries(fields)) body[`1_${name}`] = value;
  return body;
}

async function postAction(request: APIRequestContext, appUrl: string, actionId: string, fields: Record<string, string>) {
  return request.post(`${appUrl}/t/${fields.tenantSlug}/integrations`, {
    headers: { "Next-Action": actionId, Accept: "text/x-component" },
    multipart: forgedBody(fields),
    maxRedirects: 0,
  });
}

async function snapshot(db: Db, tenantId: string) {
  const [tenant, connections, signups, states, audit, apiKeys, endpoints, deliveries] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { consentText: true, allowedOrigins: true, newsletterConnectionId: true } }),
    db.connection.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, status: true, lastTestAt: true, updatedAt: true } }),
    db.signup.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, status: true, attempts: true, nextAttemptAt: true } }),
    db.oAuthState.count(),
    db.auditEvent.count({ where: { tenantId } }),
    db.apiKey.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, enabled: true, secretCiphertext: true, url: true } }),
    db.webhookDelivery.findMany({ where: { endpoint: { tenantId } }, orderBy: { id: "asc" }, select: { id: true, status: true, attempts: true } }),
  ]);
  return { tenant, connections, signups, states, audit, apiKeys, endpoints, deliveries };
}

test.describe("forged server actions", () => {
  test("every tenant action refuses a member and another tenant's admin, and changes nothing", async ({ memberPage, fabrikamAdminPage, adminPage, db, runtime }) => {
    const actions = tenantActions(runtime.distDir);
    expect(actions.map((action) => action.exportedName).sort()).toEqual(
      expect.arrayContaining([
        "connectHubspot", "disconnectHubspot", "retryAllFailed", "retrySignup", "testHubspotConnection", "updateSignupSettings",
        "createTenantApiKey", "revokeTenantApiKey", "createTenantWebhookEndpoint", "sendTenantTestEvent", "rotateTenantWebhookSecret",
        "setTenantWebhookEnabled", "deleteTenantWebhookEndpoint", "redeliverTenantWebhook",
      ]),
    );
    const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
    const connection = await db.connection.create({
      data: { tenantId: contoso.id, provider: "hubspot", externalAccountId: "990001", accountDomain: "forged.example", status: "CONNECTED" },
    });
    const signup = await db.signup.create({
      data: { tenantId: contoso.id, email: "forged@example.com", emailNormalized: "forged@example.com", consentGiven: true, status: "FAILED", lastError: "arranged" },
    });
    const apiKey = await db.apiKey.create({
      data: { tenantId: contoso.id, name: "forged", prefix: "sb_live_forgedforged", secretHash: "0".repeat(64), scopes: "signups:read", createdByLabel: "e2e" },
    });
    const endpoint = await db.webhookEndpoint.create({ data: { tenantId: contoso.id, url: "https://hooks.contoso.test/x", secretCiphertext: "v1.arranged", enabled: false } });
    const event = await db.webhookEvent.create({ data: { id: "msg_forged", tenantId: contoso.id, type: "webhook.test", payload: "{}", fannedOutAt: new Date() } });
    const delivery = await db.webhookDelivery.create({ data: { eventId: event.id, endpointId: endpoint.id, status: "FAILED", attempts: 8, nextAttemptAt: new Date(Date.now() + 86_400_000) } });
    const fields = {
      tenantSlug: "contoso",
      connectionId: connection.id,
      signupId: signup.id,
      name: "forged key",
      "scope:signups:read": "on",
      apiKeyId: apiKey.id,
      url: "https://attacker.example/hook",
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      enabled: "true",
      consentText: "Forged consent text that must never be stored.",
      allowedOrigins: "https://attacker.example",
    };
    const before = await snapshot(db, contoso.id);

    for (const [who, page] of [["member", memberPage], ["Fabrikam admin", fabrikamAdminPage]] as Array<[string, Page]>) {
      for (const action of actions) {
        const response = await postAction(page.request, runtime.appUrl, action.id, fields);
        const text = await response.text();
        expect(response.status(), `${action.exportedName} as ${who}`).toBe(200);
        expect(text, `${action.exportedName} as ${who}`).toContain("was not found");
      }
    }
    expect(await snapshot(db, contoso.id)).toEqual(before);

    // Positive control: the same kind of request from Contoso's admin is acted on.
    const settings = actions.find((action) => action.exportedName === "updateSignupSettings");
    if (!settings) throw new Error("updateSignupSettings is missing from the manifest");
    const allowed = await postAction(adminPage.request, runtime.appUrl, settings.id, { ...fields, consentText: "Admin-approved consent text, stored." });
    expect(allowed.status()).toBe(200);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: contoso.id } })).consentText).toBe("Admin-approved consent text, stored.");

    await db.tenant.update({ where: { id: contoso.id }, data: { consentText: before.tenant.consentText } });
    await db.signup.delete({ where: { id: signup.id } });
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await db.webhookEvent.delete({ where: { id: event.id } });
    await db.apiKey.delete({ where: { id: apiKey.id } });
    await db.connection.delete({ where: { id: connection.id } });
  });
});
