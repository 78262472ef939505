// Every change made through /api/v1 is in the tenant's activity (the lists the dashboard shows),
// with the key as the actor — its name and id, never its secret: webhook endpoints (create, update,
// test, redeliver, rotate, delete), tenants (create, update), invitations and signup retries.
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@switchboard/lib/api-keys/authenticate-api-key";
import { DEVELOPER_AUDIT_ACTIONS, listTenantActivity, SIGNUP_AUDIT_ACTIONS } from "@switchboard/lib/audit/list-audit-events";
import { retrySignup } from "@switchboard/lib/api/v1/signup-routes";
import { createTenant, inviteTenantMember, updateTenant } from "@switchboard/lib/api/v1/tenant-routes";
import { redeliverWebhook, sendTestWebhook } from "@switchboard/lib/api/v1/webhook-delivery-routes";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "@switchboard/lib/api/v1/webhook-endpoint-routes";
import { listPeopleActivity } from "@switchboard/lib/people/members/list-people-activity";
import type { ApiWorld } from "../support/api-world";

async function keyActor(w: ApiWorld, key: string) {
  const caller = await authenticateApiKey(w.database.db, `Bearer ${key}`);
  return { label: caller.label, keyId: caller.keyId, secret: key.slice(caller.prefix.length + 1) };
}

export function auditSuite(world: () => ApiWorld) {
  describe("audit of changes made with a key", () => {
    it("lists every webhook endpoint change in the Developers activity, by the key's name and id", async () => {
      const w = world();
      const key = await w.tenantKey(["webhooks:manage"]);
      const actor = await keyActor(w, key);
      const created = await w.call(createWebhookEndpoint, { key, body: { url: "https://127.0.0.1/audited", description: "audited" } });
      expect(created.status).toBe(201);
      const { endpoint, secret } = (await created.json()) as { endpoint: { id: string }; secret: string };
      const params = { endpointId: endpoint.id };
      expect((await w.call(updateWebhookEndpoint, { key, params, body: { description: "renamed", enabled: false } })).status).toBe(200);
      const test = (await (await w.call(sendTestWebhook, { key, params })).json()) as { deliveryId: string };
      expect((await w.call(redeliverWebhook, { key, params: { ...params, deliveryId: test.deliveryId } })).status).toBe(202);
      expect((await w.call(rotateWebhookSecret, { key, params })).status).toBe(200);
      expect((await w.call(deleteWebhookEndpoint, { key, params })).status).toBe(204);

      const activity = (await listTenantActivity(w.database.db, w.tenant.id, DEVELOPER_AUDIT_ACTIONS, 100)).filter(
        (event) => event.subject === `webhook:${endpoint.id}`,
      );
      // Order within one millisecond is not defined: compare as a set, and count.
      expect(activity).toHaveLength(6);
      expect(activity.map((event) => event.detail)).toEqual(
        expect.arrayContaining([
          "Webhook endpoint https://127.0.0.1/audited added",
          "Webhook endpoint https://127.0.0.1/audited disabled and changed (description)",
          expect.stringMatching(/^Test event \S+ queued$/),
          expect.stringMatching(/^Event \S+ queued for redelivery$/),
          "Signing secret of https://127.0.0.1/audited rotated",
          "Webhook endpoint https://127.0.0.1/audited deleted",
        ]),
      );
      for (const event of activity) {
        expect(event.actorLabel).toBe(actor.label);
        expect(event.actorLabel).toContain(actor.keyId);
        expect(event.actorLabel).toContain("test key");
      }
      const stored = JSON.stringify(await w.database.db.auditEvent.findMany({ where: { tenantId: w.tenant.id } }));
      expect(stored).not.toContain(actor.secret);
      expect(stored).not.toContain(secret);
    });

    it("lists tenant changes and invitations made with an operator key in the tenant's people activity", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const actor = await keyActor(w, key);
      const created = await w.call(createTenant, { key, body: { name: "Audited Inc", slug: `audited-${w.provider}-${Date.now()}` } });
      const tenant = (await created.json()) as { id: string };
      expect(
        (
          await w.call(updateTenant, {
            key,
            params: { tenantId: tenant.id },
            body: { name: "Audited Ltd", allowedOrigins: ["https://audited.example"] },
          })
        ).status,
      ).toBe(200);
      expect(
        (await w.call(inviteTenantMember, { key, params: { tenantId: tenant.id }, body: { email: "boss@audited.example", role: "OWNER" } }))
          .status,
      ).toBe(201);

      const people = await listPeopleActivity(w.database.db, tenant.id);
      expect(people.map((event) => [event.action, event.actorLabel]).sort()).toEqual([
        ["member_invite", actor.label],
        ["tenant_create", actor.label],
        ["tenant_rename", actor.label],
      ]);
      const settings = await listTenantActivity(w.database.db, tenant.id, SIGNUP_AUDIT_ACTIONS);
      expect(settings).toMatchObject([
        { action: "signup_settings", actorLabel: actor.label, detail: expect.stringContaining("https://audited.example") },
      ]);
    });

    it("lists a signup retry in the Signups activity", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write"]);
      const actor = await keyActor(w, key);
      const failed = await w.database.db.signup.create({
        data: {
          tenantId: w.tenant.id,
          email: `audited-${w.provider}@example.com`,
          emailNormalized: `audited-${w.provider}@example.com`,
          consentGiven: true,
          consentText: "I agree to the newsletter.",
          status: "FAILED",
          lastError: "HubSpot said no",
        },
      });
      expect((await w.call(retrySignup, { key, params: { signupId: failed.id } })).status).toBe(202);
      const activity = await listTenantActivity(w.database.db, w.tenant.id, SIGNUP_AUDIT_ACTIONS, 100);
      expect(activity.find((event) => event.subject === `signup:${failed.id}`)).toMatchObject({
        action: "signup_retry",
        actorLabel: actor.label,
      });
    });
  });
}
