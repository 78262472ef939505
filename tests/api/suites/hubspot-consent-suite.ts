// What /api/v1 says per signup about the HubSpot side of consent: the newsletter subscription as
// the consent sync found it, the contact's marketing-contact status, and an erased tombstone. The
// values are written as the worker writes them (tests/signups/consent-sync.test.ts covers how).
import { describe, expect, it } from "vitest";
import { createSignup, getSignup } from "@switchboard/lib/api/v1/signup-routes";
import type { ApiWorld } from "../support/api-world";

type SignupBody = { id: string; email: string; hubspotSubscription: string | null; marketingContact: boolean | null; erased: boolean };

export function hubspotConsentSuite(world: () => ApiWorld) {
  describe("HubSpot consent per signup", () => {
    it("exposes the subscription found in HubSpot, the marketing-contact status and erasure", async () => {
      const w = world();
      const key = await w.tenantKey(["signups:write", "signups:read"]);
      const created = (await (
        await w.call(createSignup, { key, body: { email: "consent-facts@example.com", consent: true } })
      ).json()) as SignupBody;
      expect(created).toMatchObject({ hubspotSubscription: null, marketingContact: null, erased: false });
      await w.database.db.signup.update({ where: { id: created.id }, data: { subscriptionState: "OPTED_OUT", marketingContact: false } });
      const read = async () => (await (await w.call(getSignup, { key, params: { signupId: created.id } })).json()) as SignupBody;
      expect(await read()).toMatchObject({ hubspotSubscription: "opted_out", marketingContact: false, erased: false });
      await w.database.db.signup.update({
        where: { id: created.id },
        data: { subscriptionState: "SUBSCRIBED", marketingContact: true, erasedAt: new Date(), email: "erased@erased.invalid" },
      });
      expect(await read()).toMatchObject({
        hubspotSubscription: "subscribed",
        marketingContact: true,
        erased: true,
        email: "erased@erased.invalid",
      });
    });
  });
}
