// The public signup API with a tenant's optional form fields, through both front doors
// (intake-fields-<database>.test.ts): the answers are stored with the signup, a bad answer gets a
// 422 naming its field (together with every other field's problem) and nothing is stored, and an
// answer to a field the tenant has not enabled is dropped so an embedded form that lags behind the
// settings loses no signup. Arbitrary answers never get a 5xx and never store anything out of bounds.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS } from "@switchboard/lib/display-text";
import { serializeSignupFields, type SignupFields } from "@switchboard/lib/signups/fields/signup-fields";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase, type TestProvider } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { openTransport, transportNames, type IntakeTransport } from "../support/intake-transports";

const FIELDS: SignupFields = {
  lastName: { property: "lastname", propertyLabel: "Last Name" },
  company: { property: "company", propertyLabel: "Company Name" },
  freeText: {
    property: "tier",
    propertyLabel: "Tier",
    label: "Your tier",
    options: [
      { value: "gold", label: "Gold" },
      { value: "silver", label: "Silver" },
    ],
  },
};

export function intakeFieldsSuite(provider: TestProvider): void {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    configureApp(database.url);
  });

  afterAll(async () => {
    await database?.drop();
  });

  let ipCounter = 0;
  const nextIp = () => `10.9.${Math.floor(++ipCounter / 250) % 250}.${ipCounter % 250}`;
  let emailCounter = 0;
  const nextEmail = () => `reader-${++emailCounter}@example.com`;

  describe.each(transportNames)(`optional form fields on ${provider} via the %s`, (transportName) => {
    let transport: IntakeTransport;
    let fieldsTenant: { id: string; slug: string };
    let plainTenant: { id: string; slug: string };

    beforeAll(async () => {
      transport = await openTransport(transportName);
      // Set before the first request: the public tenant is remembered for two seconds.
      fieldsTenant = (await seedTenant(database.db)).tenant;
      await database.db.tenant.update({ where: { id: fieldsTenant.id }, data: { signupFields: serializeSignupFields(FIELDS) } });
      plainTenant = (await seedTenant(database.db)).tenant;
      await database.db.tenant.update({
        where: { id: plainTenant.id },
        data: { signupFields: serializeSignupFields({ company: FIELDS.company }) },
      });
    });

    afterAll(async () => {
      await transport?.close();
    });

    const postJson = (slug: string, value: unknown) =>
      transport.post(slug, JSON.stringify(value), { "content-type": "application/json", "x-forwarded-for": nextIp() });
    const stored = (email: string) =>
      database.db.signup.findFirst({ where: { emailNormalized: email }, select: { lastName: true, company: true, freeText: true } });

    it("stores the answers with the signup, trimmed", async () => {
      const email = nextEmail();
      const response = await postJson(fieldsTenant.slug, {
        email,
        consent: true,
        lastName: "  Lovelace ",
        company: "Analytical Engines\u200b",
        freeText: "gold",
      });
      expect(response.status).toBe(202);
      expect(await stored(email)).toEqual({ lastName: "Lovelace", company: "Analytical Engines", freeText: "gold" });
    });

    it("takes them from a plain HTML form post too, and an empty answer counts as none", async () => {
      const email = nextEmail();
      const body = new URLSearchParams({ email, consent: "on", lastName: "", company: "Difference & Co", freeText: "silver" });
      const response = await transport.post(fieldsTenant.slug, body.toString(), {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html",
        "x-forwarded-for": nextIp(),
      });
      expect(response.status).toBe(303);
      expect(await stored(email)).toEqual({ lastName: null, company: "Difference & Co", freeText: "silver" });
    });

    it("answers 422 with every field's problem at once and stores nothing", async () => {
      const email = nextEmail();
      const response = await postJson(fieldsTenant.slug, {
        email,
        consent: false,
        company: "x".repeat(201),
        lastName: "Love\nlace",
        freeText: "bronze",
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
      expect(body.error).toBe("validation_failed");
      expect(body.fieldErrors).toEqual({
        consent: ["Tick the box to confirm you want the newsletter."],
        lastName: ["Last name cannot contain control characters (such as line breaks or tabs)."],
        company: ["Company must be at most 200 characters."],
        freeText: ['Your tier must be one of: "gold", "silver".'],
      });
      expect(await stored(email)).toBeNull();
    });

    it("drops answers to fields the tenant has not enabled, and keeps the signup", async () => {
      const email = nextEmail();
      const response = await postJson(plainTenant.slug, {
        email,
        consent: true,
        lastName: "Lovelace",
        company: "Engines",
        freeText: "gold",
      });
      expect(response.status).toBe(202);
      expect(await stored(email)).toEqual({ lastName: null, company: "Engines", freeText: null });
    });

    it("never answers 5xx to arbitrary answers, and stores only answers within the fields' rules (fast-check)", async () => {
      const answer = fc.oneof(
        fc.string({ maxLength: 220 }),
        fc.string({ unit: "grapheme", maxLength: 120 }),
        fc.constantFrom("gold", "silver", " gold ", "Gold", "", "\u0000", "\u202eevil", "x".repeat(600)),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 2 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.record({ lastName: answer, company: answer, freeText: answer }, { requiredKeys: [] }), async (answers) => {
          const email = nextEmail();
          const response = await postJson(fieldsTenant.slug, { email, consent: true, ...answers });
          expect([202, 422]).toContain(response.status);
          const row = await stored(email);
          if (response.status === 422) {
            const { fieldErrors } = (await response.json()) as { fieldErrors: Record<string, string[]> };
            expect(Object.keys(fieldErrors).every((key) => ["lastName", "company", "freeText"].includes(key))).toBe(true);
            expect(row).toBeNull();
            return;
          }
          expect(row).not.toBeNull();
          for (const [key, max] of [
            ["lastName", 100],
            ["company", 200],
            ["freeText", 500],
          ] as const) {
            const value = row![key];
            if (value === null) continue;
            expect(value.length).toBeGreaterThan(0);
            expect(value.length).toBeLessThanOrEqual(max);
            expect(CONTROL_CHARACTERS.test(value)).toBe(false);
            expect(value).toBe(value.trim());
          }
          expect([null, "gold", "silver"]).toContain(row!.freeText);
        }),
        { numRuns: 60 },
      );
    });
  });
}
