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

/** What React's encodeReply sends for action(previousState = null, formData), in its order: the
 * FormData's fields under the prefix "_<part>_" (React 19.3), THEN the root "0". Order matters: the
 * server decodes the root as soon as it arrives, so fields sent after it (or under the older "<part>_"
 * prefix) make an EMPTY FormData that every action refuses for want of a tenant — which would let a
 * forged post "pass" vacuously. The positive control below keeps this honest. */
function forgedBody(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
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
  const [tenant, connections, signups, states, audit, memberships, invitations] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { consentText: true, allowedOrigins: true, newsletterConnectionId: true } }),
    db.connection.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, status: true, lastTestAt: true, updatedAt: true } }),
    db.signup.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, status: true, attempts: true, nextAttemptAt: true } }),
    db.oAuthState.count(),
    db.auditEvent.count({ where: { tenantId } }),
    db.membership.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, userId: true, role: true } }),
    db.invitation.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, acceptedAt: true } }),
  ]);
  return { tenant, connections, signups, states, audit, memberships, invitations };
}

test.describe("forged server actions", () => {
  test("every tenant action refuses a member and another tenant's admin, and changes nothing", async ({ memberPage, fabrikamAdminPage, adminPage, db, runtime }) => {
    const actions = tenantActions(runtime.distDir);
    expect(actions.map((action) => action.exportedName).sort()).toEqual(
      expect.arrayContaining([
        "connectHubspot", "disconnectHubspot", "retryAllFailed", "retrySignup", "testHubspotConnection", "updateSignupSettings",
        "inviteMember", "changeRole", "removeMembership", "revokePendingInvitation",
      ]),
    );
    const contoso = await db.tenant.findUniqueOrThrow({ where: { slug: "contoso" } });
    const connection = await db.connection.create({
      data: { tenantId: contoso.id, provider: "hubspot", externalAccountId: "990001", accountDomain: "forged.example", status: "CONNECTED" },
    });
    const signup = await db.signup.create({
      data: { tenantId: contoso.id, email: "forged@example.com", emailNormalized: "forged@example.com", consentGiven: true, status: "FAILED", lastError: "arranged" },
    });
    const memberMembership = await db.membership.findFirstOrThrow({ where: { tenantId: contoso.id, role: "MEMBER" } });
    const invitation = await db.invitation.create({
      data: { tokenHash: "forged-invitation-hash", tenantId: contoso.id, email: "pending@contoso.test", role: "ADMIN", expiresAt: new Date(Date.now() + 86_400_000), invitedByLabel: "e2e" },
    });
    const fields = {
      tenantSlug: "contoso",
      membershipId: memberMembership.id,
      invitationId: invitation.id,
      email: "forged-invitee@example.com",
      role: "OWNER",
      connectionId: connection.id,
      signupId: signup.id,
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
    await db.invitation.delete({ where: { id: invitation.id } });
    await db.connection.delete({ where: { id: connection.id } });
  });
});
