// Every tenant server action, posted by hand the way a browser posts it (Next-Action header and
// React's reply encoding), as a Contoso MEMBER and as the admin of another tenant: each is refused
// like "not found" and the database does not change. The list comes from the build's own manifest,
// so an action added without the wrapper is caught here. A Contoso admin's post of the same kind
// changes the settings: proof that the forged request is one the app would act on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type { Db } from "@switchboard/lib/db/create-client";
import { test, expect } from "./fixtures";

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };
type TenantAction = { id: string; exportedName: string; page: string };

/** Each tenant action with a page that serves it (Next runs an action only on a page that imports it). */
function tenantActions(distDir: string): TenantAction[] {
  const manifest = JSON.parse(readFileSync(join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename.startsWith("app/(dashboard)/t/"))
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((name) => name.startsWith("app/(dashboard)/t/[tenantSlug]/"));
      if (!worker) throw new Error(`${entry.exportedName} is served by no tenant page`);
      return {
        id,
        exportedName: entry.exportedName,
        page: worker
          .replace(/^app\/\(dashboard\)/, "")
          .replace("[tenantSlug]", "contoso")
          .replace(/\/page$/, ""),
      };
    });
}

/** What React's encodeReply sends for action(previousState = null, formData): the form's fields
 * under the reference prefix, then the root "0" — last, because the server resolves the reference
 * from the fields it has already read. */
function forgedBody(fields: Record<string, string>): Array<[string, string]> {
  const body = Object.entries(fields).map(([name, value]): [string, string] => [`_1_${name}`, value]);
  body.push(["0", JSON.stringify([null, "$K1"])]);
  return body;
}

/** Posts from inside the signed-in page, as the browser's own action call would (cookies included). */
async function postAction(
  page: Page,
  action: TenantAction,
  fields: Record<string, string>,
): Promise<{ status: number; contentType: string; text: string }> {
  if (page.url() === "about:blank") await page.goto("/");
  return page.evaluate(
    async ({ path, id, body }) => {
      const form = new FormData();
      for (const [name, value] of body) form.append(name, value);
      const response = await fetch(path, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component" },
        body: form,
        redirect: "manual",
      });
      return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
    },
    { path: action.page, id: action.id, body: forgedBody(fields) },
  );
}

async function snapshot(db: Db, tenantId: string) {
  const [tenant, connections, signups, states, audit, memberships, invitations, apiKeys, endpoints, deliveries] = await Promise.all([
    db.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { consentText: true, allowedOrigins: true, newsletterConnectionId: true },
    }),
    db.connection.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, lastTestAt: true, updatedAt: true },
    }),
    db.signup.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, attempts: true, nextAttemptAt: true },
    }),
    db.oAuthState.count(),
    db.auditEvent.count({ where: { tenantId } }),
    db.membership.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, userId: true, role: true } }),
    db.invitation.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, acceptedAt: true } }),
    db.apiKey.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.webhookEndpoint.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: { id: true, enabled: true, secretCiphertext: true, url: true },
    }),
    db.webhookDelivery.findMany({
      where: { endpoint: { tenantId } },
      orderBy: { id: "asc" },
      select: { id: true, status: true, attempts: true },
    }),
  ]);
  return { tenant, connections, signups, states, audit, memberships, invitations, apiKeys, endpoints, deliveries };
}

test.describe("forged server actions", () => {
  test("every tenant action refuses a member and another tenant's admin, and changes nothing", async ({
    memberPage,
    fabrikamAdminPage,
    adminPage,
    db,
    runtime,
  }) => {
    const actions = tenantActions(runtime.distDir);
    expect(actions.map((action) => action.exportedName).sort()).toEqual(
      expect.arrayContaining([
        "connectHubspot",
        "disconnectHubspot",
        "retryAllFailed",
        "retrySignup",
        "testHubspotConnection",
        "updateSignupSettings",
        "inviteMember",
        "changeRole",
        "removeMembership",
        "revokePendingInvitation",
        "createTenantApiKey",
        "revokeTenantApiKey",
        "createTenantWebhookEndpoint",
        "sendTenantTestEvent",
        "rotateTenantWebhookSecret",
        "setTenantWebhookEnabled",
        "deleteTenantWebhookEndpoint",
        "redeliverTenantWebhook",
      ]),
    );
    const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
    const connection = await db.connection.create({
      data: { tenantId: contoso.id, provider: "hubspot", portalId: "990001", accountDomain: "forged.example", status: "CONNECTED" },
    });
    const signup = await db.signup.create({
      data: {
        tenantId: contoso.id,
        email: "forged@example.com",
        emailNormalized: "forged@example.com",
        consentGiven: true,
        status: "FAILED",
        lastError: "arranged",
      },
    });
    const memberMembership = await db.membership.findFirstOrThrow({ where: { tenantId: contoso.id, role: "MEMBER" } });
    const invitation = await db.invitation.create({
      data: {
        tokenHash: "forged-invitation-hash",
        tenantId: contoso.id,
        email: "pending@contoso.test",
        role: "ADMIN",
        expiresAt: new Date(Date.now() + 86_400_000),
        invitedByLabel: "e2e",
      },
    });
    const apiKey = await db.apiKey.create({
      data: {
        tenantId: contoso.id,
        name: "forged",
        prefix: "sb_live_forgedforged",
        secretHash: "0".repeat(64),
        scopes: "signups:read",
        createdByLabel: "e2e",
      },
    });
    const endpoint = await db.webhookEndpoint.create({
      data: { tenantId: contoso.id, url: "https://hooks.contoso.test/x", secretCiphertext: "v1.arranged", enabled: false },
    });
    const event = await db.webhookEvent.create({
      data: { id: "msg_forged", tenantId: contoso.id, type: "webhook.test", payload: "{}", fannedOutAt: new Date() },
    });
    const delivery = await db.webhookDelivery.create({
      data: { eventId: event.id, endpointId: endpoint.id, status: "FAILED", attempts: 8, nextAttemptAt: new Date(Date.now() + 86_400_000) },
    });
    const fields = {
      tenantSlug: "contoso",
      membershipId: memberMembership.id,
      invitationId: invitation.id,
      email: "forged-invitee@example.com",
      role: "OWNER",
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

    for (const [who, page] of [
      ["member", memberPage],
      ["Fabrikam admin", fabrikamAdminPage],
    ] as Array<[string, Page]>) {
      for (const action of actions) {
        const response = await postAction(page, action, fields);
        expect(response.status, `${action.exportedName} as ${who}`).toBe(200);
        // The action's own answer (an RSC payload carrying the refusal state), not a rendered page.
        expect(response.contentType, `${action.exportedName} as ${who}`).toContain("text/x-component");
        expect(response.text, `${action.exportedName} as ${who}`).toContain('"ok":false,"message":"That was not found."');
      }
    }
    expect(await snapshot(db, contoso.id)).toEqual(before);
    // The tenant's one route handler behind a session (the CSV export) is no more open.
    const exported = await fabrikamAdminPage.request.get("/t/contoso/signups/export");
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain("forged@example.com");

    // Positive control: the same kind of request from Contoso's admin is acted on (and undone after,
    // since later specs expect the seeded tenant's settings).
    const settingsBefore = await db.tenant.findUniqueOrThrow({
      where: { id: contoso.id },
      select: { consentText: true, allowedOrigins: true, doubleOptIn: true },
    });
    const settings = actions.find((action) => action.exportedName === "updateSignupSettings");
    if (!settings) throw new Error("updateSignupSettings is missing from the manifest");
    const allowed = await postAction(adminPage, settings, { ...fields, consentText: "Admin-approved consent text, stored." });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('"ok":true');
    expect((await db.tenant.findUniqueOrThrow({ where: { id: contoso.id } })).consentText).toBe("Admin-approved consent text, stored.");

    await db.tenant.update({ where: { id: contoso.id }, data: settingsBefore });
    await db.signup.delete({ where: { id: signup.id } });
    await db.invitation.delete({ where: { id: invitation.id } });
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await db.webhookEvent.delete({ where: { id: event.id } });
    await db.apiKey.delete({ where: { id: apiKey.id } });
    await db.connection.delete({ where: { id: connection.id } });
  });
});
