// The optional form fields over /api/v1: an operator maps them on the tenant (checked against the
// portal's contact properties in the simulator, as HubSpot lists them), and the host's signups
// carry the answers — refused when a field is not enabled or a dropdown's answer is not an option.
import { afterAll, describe, expect, it } from "vitest";
import { createSignup, getSignup } from "@switchboard/lib/api/v1/signup-routes";
import { getTenant, updateTenant } from "@switchboard/lib/api/v1/tenant-routes";
import type { ApiWorld } from "../support/api-world";

type Mapped = { property: string; propertyLabel: string; label: string; options: { value: string; label: string }[] | null } | null;
type TenantBody = { name: string; signupFields: { lastName: Mapped; company: Mapped; freeText: Mapped } };
type Problem = { status: number; errors?: Record<string, string[]>; detail: string };
type SignupBody = { id: string; lastName: string | null; company: string | null; freeText: string | null; status: string };

const tier = {
  name: "tier",
  label: "Tier",
  type: "enumeration",
  fieldType: "select",
  groupName: "contactinformation",
  options: [
    { label: "Gold", value: "gold" },
    { label: "Silver", value: "silver" },
  ],
};

export function signupFieldsSuite(world: () => ApiWorld) {
  describe("signup form fields mapped to contact properties", () => {
    const patch = async (body: unknown, tenantId = world().tenant.id) =>
      world().call(updateTenant, { key: await world().operatorKey(["tenants:admin"]), params: { tenantId }, body });
    const readTenant = async () =>
      (await (
        await world().call(getTenant, { key: await world().operatorKey(["tenants:admin"]), params: { tenantId: world().tenant.id } })
      ).json()) as TenantBody;
    const addProperty = (property: Record<string, unknown>) =>
      fetch(`${world().sim.url}/_sim/portals/62515/properties`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(property),
      });

    afterAll(async () => {
      // Other suites expect the seeded tenant's plain form.
      await world().database.db.tenant.update({ where: { id: world().tenant.id }, data: { signupFields: null } });
    });

    it("maps fields to writable text and dropdown properties and shows the mapping on the tenant", async () => {
      expect((await addProperty(tier)).status).toBe(201);
      const response = await patch({
        signupFields: {
          lastName: { property: "lastname" },
          company: { property: "company" },
          freeText: { property: "tier", label: "Your tier" },
        },
      });
      expect(response.status).toBe(200);
      const tenant = (await response.json()) as TenantBody;
      expect(tenant.signupFields).toEqual({
        lastName: { property: "lastname", propertyLabel: "Last Name", label: "Last name", options: null },
        company: { property: "company", propertyLabel: "Company Name", label: "Company", options: null },
        freeText: {
          property: "tier",
          propertyLabel: "Tier",
          label: "Your tier",
          options: [
            { value: "gold", label: "Gold" },
            { value: "silver", label: "Silver" },
          ],
        },
      });
      expect((await readTenant()).signupFields.company?.property).toBe("company");
    });

    it.each([
      ["a read-only property", "hs_marketable_status", /read-only in HubSpot/],
      ["a calculated property", "createdate", /read-only in HubSpot/],
      ["an unknown property", "no_such_property", /no contact property named "no_such_property"/],
      ["the email Switchboard sends", "email", /email address Switchboard already sends/],
      ["the first name Switchboard sends", "firstname", /first name Switchboard already sends/],
    ])("refuses %s with 422 and changes nothing, not even the name sent with it", async (_what, property, message) => {
      const before = await readTenant();
      const response = await patch({ name: "Renamed by a refused change", signupFields: { company: { property } } });
      expect(response.status).toBe(422);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.signupFields?.join(" ")).toMatch(message);
      expect(problem.errors?.signupFields?.[0]).toMatch(/^company: /);
      expect(await readTenant()).toEqual(before);
    });

    it("refuses number, unique and option-less targets, one property for two fields, and a free-text field without a label", async () => {
      await addProperty({ name: "seats", label: "Seats", type: "number", fieldType: "number", groupName: "contactinformation" });
      await addProperty({
        name: "member_code",
        label: "Member code",
        type: "string",
        fieldType: "text",
        groupName: "contactinformation",
        hasUniqueValue: true,
      });
      const refusal = async (signupFields: unknown) => {
        const response = await patch({ signupFields });
        expect(response.status).toBe(422);
        return ((await response.json()) as Problem).errors?.signupFields?.join(" ") ?? "";
      };
      expect(await refusal({ company: { property: "seats" } })).toMatch(
        /is a number property; a form field can fill text and dropdown properties only/,
      );
      expect(await refusal({ company: { property: "member_code" } })).toMatch(/unique values that identify a contact/);
      expect(await refusal({ company: { property: "lastname" } })).toMatch(/"lastname" already receives the last name/);
      expect(await refusal({ freeText: { property: "jobtitle" } })).toMatch(/label/i);
      expect(await refusal({ freeText: { property: "jobtitle", label: "" } })).toMatch(/label must not be empty/);
    });

    it("answers 409 for a tenant without a HubSpot connection, yet takes fields off without one", async () => {
      const response = await patch({ signupFields: { company: { property: "company" } } }, world().otherTenant.id);
      expect(response.status).toBe(409);
      expect(((await response.json()) as Problem).detail).toMatch(/Connect HubSpot first/);
      const off = await patch({ signupFields: { company: null } }, world().otherTenant.id);
      expect(off.status).toBe(200);
      expect(((await off.json()) as TenantBody).signupFields.company).toBeNull();
    });

    it("stores the host's answers, refuses a dropdown answer that is not an option and answers to fields that are off", async () => {
      const w = world();
      await patch({
        signupFields: { lastName: null, company: { property: "company" }, freeText: { property: "tier", label: "Your tier" } },
      });
      const key = await w.tenantKey(["signups:write", "signups:read"]);
      const created = await w.call(createSignup, {
        key,
        body: { email: `fields-${w.provider}@example.com`, consent: true, company: "  Analytical Engines ", freeText: "gold" },
      });
      expect(created.status).toBe(202);
      const signup = (await created.json()) as SignupBody;
      expect(signup).toMatchObject({ company: "Analytical Engines", freeText: "gold", lastName: null });
      const read = (await (await w.call(getSignup, { key, params: { signupId: signup.id } })).json()) as SignupBody;
      expect(read).toMatchObject({ company: "Analytical Engines", freeText: "gold" });

      const notAnOption = await w.call(createSignup, { key, body: { email: "bronze@example.com", consent: true, freeText: "bronze" } });
      expect(notAnOption.status).toBe(422);
      expect(((await notAnOption.json()) as Problem).errors?.freeText).toEqual(['Your tier must be one of: "gold", "silver".']);
      const fieldOff = await w.call(createSignup, { key, body: { email: "lovelace@example.com", consent: true, lastName: "Lovelace" } });
      expect(fieldOff.status).toBe(422);
      expect(((await fieldOff.json()) as Problem).errors?.lastName?.[0]).toMatch(/has no last name field/);
      const tooLong = await w.call(createSignup, { key, body: { email: "long@example.com", consent: true, company: "x".repeat(201) } });
      expect(tooLong.status).toBe(422);
      expect(
        await w.database.db.signup.count({
          where: { emailNormalized: { in: ["bronze@example.com", "lovelace@example.com", "long@example.com"] } },
        }),
      ).toBe(0);

      // A repeat with other answers updates them and queues the signup again (the key vouches for its data).
      const repeat = await w.call(createSignup, {
        key,
        body: { email: `fields-${w.provider}@example.com`, consent: true, company: "Difference Engines" },
      });
      expect((await repeat.json()) as SignupBody).toMatchObject({ company: "Difference Engines", freeText: null, status: "pending" });
    });
  });
}
