// Consent through /api/v1 and the unsubscribe link: a tenant's double opt-in setting and consent
// text limit, every signup's unsubscribe URL, the unsubscribe call, and the link's one-click POST
// (RFC 8058) — each unsubscribe marks the signup, flags HubSpot's follow-up and emits
// signup.unsubscribed once.
import { describe, expect, it } from "vitest";
import { createSignup, getSignup, unsubscribeSignup } from "@switchboard/lib/api/v1/signup-routes";
import { updateTenant } from "@switchboard/lib/api/v1/tenant-routes";
import { CONSENT_TEXT_MAX_LENGTH } from "@switchboard/lib/signups/consent/consent-text";
import { subscribeToEvents } from "@/tests/helpers/outbox-subscriber";
import type { ApiWorld } from "../support/api-world";

type SignupBody = { id: string; status: string; unsubscribeUrl: string; unsubscribedAt: string | null; confirmedAt: string | null };

export function consentSuite(world: () => ApiWorld) {
  describe("consent", () => {
    const eventsOf = (w: ApiWorld, signupId: string) =>
      w.database.db.webhookEvent.findMany({ where: { type: "signup.unsubscribed", payload: { contains: signupId } } });

    it("sets double opt-in on a tenant and refuses a consent text longer than HubSpot is trusted to take", async () => {
      const w = world();
      const key = await w.operatorKey(["tenants:admin"]);
      const on = await w.call(updateTenant, { key, params: { tenantId: w.otherTenant.id }, body: { doubleOptIn: true } });
      expect(on.status).toBe(200);
      expect(await on.json()).toMatchObject({ doubleOptIn: true });
      const tooLong = await w.call(updateTenant, {
        key,
        params: { tenantId: w.otherTenant.id },
        body: { consentText: "x".repeat(CONSENT_TEXT_MAX_LENGTH + 1) },
      });
      expect(tooLong.status).toBe(422);
      const stored = await w.database.db.tenant.findUniqueOrThrow({ where: { id: w.otherTenant.id } });
      expect(stored.consentText.length).toBeLessThanOrEqual(CONSENT_TEXT_MAX_LENGTH);
      // A signup from the host's API for that tenant waits for the person's confirmation too.
      const signup = await w.call(createSignup, {
        key: await w.otherTenantKey(["signups:write"]),
        body: { email: "doi-api@example.com", consent: true },
      });
      expect(((await signup.json()) as SignupBody).status).toBe("unconfirmed");
      expect((await w.call(updateTenant, { key, params: { tenantId: w.otherTenant.id }, body: { doubleOptIn: false } })).status).toBe(200);
    });

    it("unsubscribes through the API once: status, time, HubSpot follow-up and one webhook event", async () => {
      const w = world();
      await subscribeToEvents(w.database.db, { tenantId: w.tenant.id, eventTypes: ["signup.unsubscribed"] });
      const key = await w.tenantKey(["signups:write", "signups:read"]);
      const created = (await (
        await w.call(createSignup, { key, body: { email: "leaver@example.com", consent: true } })
      ).json()) as SignupBody;
      expect(created.unsubscribeUrl).toMatch(new RegExp(`/unsubscribe/${created.id}\\.[A-Za-z0-9_-]{43}$`));
      const readOnly = await w.tenantKey(["signups:read"]);
      expect((await w.call(unsubscribeSignup, { key: readOnly, params: { signupId: created.id } })).status).toBe(403);
      expect((await w.call(unsubscribeSignup, { key: await w.otherTenantKey(), params: { signupId: created.id } })).status).toBe(404);
      const first = await w.call(unsubscribeSignup, { key, params: { signupId: created.id } });
      expect(first.status).toBe(200);
      const body = (await first.json()) as SignupBody;
      expect(body.status).toBe("unsubscribed");
      expect(body.unsubscribedAt).not.toBeNull();
      expect(await w.database.db.signup.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        status: "UNSUBSCRIBED",
        hubspotUnsubscribePending: true,
      });
      expect((await w.call(unsubscribeSignup, { key, params: { signupId: created.id } })).status).toBe(200);
      const events = await eventsOf(w, created.id);
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0]!.payload)).toMatchObject({
        type: "signup.unsubscribed",
        data: { signupId: created.id, email: "leaver@example.com", reason: "api" },
      });
      // A repeat of the address from the host's API does not resubscribe it.
      await w.call(createSignup, { key, body: { email: "leaver@example.com", firstName: "Back", consent: true } });
      expect(((await (await w.call(getSignup, { key, params: { signupId: created.id } })).json()) as SignupBody).status).toBe(
        "unsubscribed",
      );
    });

    it("unsubscribes with one POST to the signup's link, and a forged link changes nothing", async () => {
      const w = world();
      await subscribeToEvents(w.database.db, { tenantId: w.tenant.id, eventTypes: ["signup.unsubscribed"] });
      const { POST } = await import("@/app/api/unsubscribe/[token]/route");
      const key = await w.tenantKey(["signups:write"]);
      const created = (await (
        await w.call(createSignup, { key, body: { email: "one-click@example.com", consent: true } })
      ).json()) as SignupBody;
      const token = created.unsubscribeUrl.split("/unsubscribe/")[1]!;
      const oneClick = (value: string, accept = "*/*") =>
        POST(
          new Request(`http://localhost/api/unsubscribe/${value}`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", accept },
            body: "List-Unsubscribe=One-Click",
          }),
          { params: Promise.resolve({ token: value }) },
        );
      const forged = [`${created.id}.${"A".repeat(43)}`, created.id, `${token}x`, `../${token}`];
      for (const value of forged) expect((await oneClick(value)).status).toBe(404);
      expect((await w.database.db.signup.findUniqueOrThrow({ where: { id: created.id } })).status).not.toBe("UNSUBSCRIBED");
      const answer = await oneClick(token);
      expect(answer.status).toBe(200);
      expect((await w.database.db.signup.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("UNSUBSCRIBED");
      const fromBrowser = await oneClick(token, "text/html,*/*");
      expect(fromBrowser.status).toBe(303);
      expect(fromBrowser.headers.get("location")).toMatch(new RegExp(`/unsubscribe/${created.id}\\.`));
      expect(await eventsOf(w, created.id)).toHaveLength(1);
      const events = await eventsOf(w, created.id);
      expect(JSON.parse(events[0]!.payload).data.reason).toBe("link");
    });
  });
}
