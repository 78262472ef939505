// The public signup API against a real SQLite database, through both of its front doors: the
// exported App Router route and the production server's direct path over real HTTP.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_NESTING } from "@switchboard/lib/json/json-nesting";
import { deeplyNestedJson } from "@/tests/helpers/deep-json";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { openTransport, transportNames, type IntakeTransport } from "./support/intake-transports";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  configureApp(database.url, { SIGNUP_RATE_LIMIT_POINTS: "5" });
});

afterAll(async () => {
  await database?.drop();
});

// Both transports share one process-wide rate limiter: every client address is unique to this file.
let ipCounter = 0;
const nextIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe.each(transportNames)("POST /api/subscribe/{tenant} via the %s", (transportName) => {
  let transport: IntakeTransport;
  let tenantSlug: string;
  let tenantId: string;
  // A client address of this block's own for the rate-limit test.
  const limitedIp = `203.0.113.${transportNames.indexOf(transportName) + 1}`;

  beforeAll(async () => {
    transport = await openTransport(transportName);
    // A tenant per transport, so the same addresses are "new" in each block.
    const { tenant } = await seedTenant(database.db, { allowedOrigins: "https://www.contoso.test\nhttps://shop.contoso.test" });
    tenantSlug = tenant.slug;
    tenantId = tenant.id;
  });

  afterAll(async () => {
    await transport?.close();
  });

  function post(body: BodyInit | null, headers: Record<string, string>, slug = tenantSlug): Promise<Response> {
    // A distinct client address per request keeps these tests clear of the rate limit unless wanted.
    return transport.post(slug, body, { "x-forwarded-for": headers["x-forwarded-for"] ?? nextIp(), ...headers });
  }
  const postJson = (value: unknown, headers: Record<string, string> = {}) =>
    post(JSON.stringify(value), { "content-type": "application/json", ...headers });

  it("answers 202 with the id of the row it committed", async () => {
    const response = await postJson({ email: "Reader@Example.com", firstName: "Rea", consent: true });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string };
    expect(body.status).toBe("accepted");
    const row = await database.db.signup.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({ tenantId, emailNormalized: "reader@example.com", firstName: "Rea", status: "PENDING", consentGiven: true });
  });

  it("accepts a form-encoded body", async () => {
    const response = await post(new URLSearchParams({ email: "form@example.com", consent: "on" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(202);
    expect(await database.db.signup.count({ where: { tenantId, emailNormalized: "form@example.com" } })).toBe(1);
  });

  it("keeps one row per email, and an anonymous repeat changes none of its details", async () => {
    const first = (await (await postJson({ email: "same@example.com", firstName: "Old", consent: true })).json()) as { id: string };
    const before = await database.db.signup.findUniqueOrThrow({ where: { id: first.id } });
    await postJson({ email: "SAME@example.com", firstName: "Mallory", consent: true });
    const rows = await database.db.signup.findMany({ where: { tenantId, emailNormalized: "same@example.com" } });
    expect(rows).toEqual([before]);
  });

  it("answers a repeat exactly as a new address: same status and body shape, a fresh id that names no row", async () => {
    const known = await postJson({ email: "known@example.com", firstName: "Kay", consent: true });
    const { id: storedId } = (await known.json()) as { id: string };
    const repeat = await postJson({ email: "known@example.com", firstName: "Someone else", consent: true });
    const fresh = await postJson({ email: "never-seen@example.com", firstName: "Someone else", consent: true });
    expect(repeat.status).toBe(fresh.status);
    const repeatBody = (await repeat.json()) as { id: string; status: string };
    const freshBody = (await fresh.json()) as { id: string; status: string };
    expect(Object.keys(repeatBody).sort()).toEqual(Object.keys(freshBody).sort());
    expect(repeatBody.status).toBe(freshBody.status);
    expect(repeatBody.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(repeatBody.id).not.toBe(storedId);
    expect(await database.db.signup.count({ where: { id: repeatBody.id } })).toBe(0);
  });

  it("never re-queues a synced signup for HubSpot after an anonymous repeat with other details", async () => {
    const { id } = (await (await postJson({ email: "synced@example.com", firstName: "Sy", consent: true })).json()) as { id: string };
    await database.db.signup.update({ where: { id }, data: { status: "SYNCED", hubspotContactId: "42", syncedAt: new Date() } });
    await postJson({ email: "Synced@Example.com", firstName: "Sylvia", consent: true });
    expect(await database.db.signup.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SYNCED",
      firstName: "Sy",
      email: "synced@example.com",
    });
  });

  it("strips bidirectional overrides and zero-width characters from names", async () => {
    const { id } = (await (
      await postJson({ email: "bidi@example.com", firstName: "\u200bEve\u202Etxt.exe\u2066\ufeff", consent: true })
    ).json()) as { id: string };
    expect((await database.db.signup.findUniqueOrThrow({ where: { id } })).firstName).toBe("Evetxt.exe");
  });

  it("refuses control characters in names (CR, LF, TAB, DEL, C1) with a 422 naming the field", async () => {
    for (const firstName of ["Eve\r\nBcc: x@evil.test", "Eve\tTab", "Eve\u007f", "Eve\u0085"]) {
      const refused = await postJson({ email: "control@example.com", firstName, consent: true });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { fieldErrors: { firstName: string[] } }).fieldErrors.firstName[0]).toMatch(/control characters/);
    }
    expect(await database.db.signup.count({ where: { email: "control@example.com" } })).toBe(0);
  });

  it("stores a concurrent burst (repeats included) as one committed row per email, answering every caller alike", async () => {
    const emails = Array.from({ length: 60 }, (_, index) => `burst-${index % 45}@example.com`);
    const responses = await Promise.all(emails.map((email) => postJson({ email, consent: true })));
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 202));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
    // Every caller got an id of its own; the first of each email names the row.
    expect(new Set(ids).size).toBe(60);
    expect(await database.db.signup.count({ where: { tenantId, emailNormalized: { startsWith: "burst-" } } })).toBe(45);
    expect(await database.db.signup.count({ where: { id: { in: ids } } })).toBe(45);
  });

  it("answers each caller of a burst of new emails with the id of its own row", async () => {
    const emails = Array.from({ length: 40 }, (_, index) => `fresh-${index}@example.com`);
    const responses = await Promise.all(emails.map((email) => postJson({ email, consent: true })));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
    const rows = await database.db.signup.findMany({ where: { id: { in: ids } }, select: { id: true, emailNormalized: true } });
    const emailById = new Map(rows.map((row) => [row.id, row.emailNormalized]));
    expect(ids.map((id) => emailById.get(id))).toEqual(emails);
  });

  it("answers 422 with an error for every bad field", async () => {
    const response = await postJson({ email: "not-an-email", firstName: "x".repeat(101), consent: false });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["consent", "email", "firstName"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    expect((await post("{not json", { "content-type": "application/json" })).status).toBe(400);
    expect((await post("[1,2]", { "content-type": "application/json" })).status).toBe(400);
  });

  // Up to 2,000 levels: deeper would not fit in the 16 KB the signup API accepts (413 first).
  it("answers 422 to JSON nested thousands of levels deep, storing nothing (fast-check)", async () => {
    const before = await database.db.signup.count({ where: { tenantId } });
    await fc.assert(
      fc.asyncProperty(
        deeplyNestedJson({ minDepth: MAX_JSON_NESTING + 1, maxDepth: 2_000, fields: ["email", "firstName", "consent", "website"] }),
        async ({ text }) => {
          const response = await post(text, { "content-type": "application/json" });
          expect(response.status).toBe(422);
          expect(await response.json()).toMatchObject({
            error: "validation_failed",
            fieldErrors: { body: [expect.stringMatching(/nests deeper than/)] },
          });
        },
      ),
      { numRuns: 25 },
    );
    expect(await database.db.signup.count({ where: { tenantId } })).toBe(before);
  });

  it("answers 404 for an unknown tenant", async () => {
    expect(
      (
        await postJson({ email: "a@example.com", consent: true }, {}).then(() =>
          post("{}", { "content-type": "application/json" }, "no-such-tenant"),
        )
      ).status,
    ).toBe(404);
  });

  it("answers 413 when the declared or the actual body is over 16 KB", async () => {
    const big = JSON.stringify({ email: "big@example.com", consent: true, firstName: "x".repeat(20_000) });
    expect((await post(big, { "content-type": "application/json" })).status).toBe(413);
    // No (or a lying) Content-Length: the bytes are counted while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    expect((await post(stream, { "content-type": "application/json" })).status).toBe(413);
  });

  it("checks the honeypot only after validation, so the trap cannot be told apart from a real field", async () => {
    const invalid = { email: "not-an-email", consent: true };
    const withoutTrap = await postJson(invalid);
    const withTrap = await postJson({ ...invalid, website: "http://spam.test" });
    expect(withTrap.status).toBe(422);
    expect(await withTrap.json()).toEqual(await withoutTrap.json());
  });

  it("pretends success for a filled honeypot and stores nothing", async () => {
    const response = await postJson({ email: "bot@example.com", consent: true, website: "http://spam.test" });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { id: string }).id).toMatch(/^c[a-z0-9]{24}$/);
    expect(await database.db.signup.count({ where: { tenantId, emailNormalized: "bot@example.com" } })).toBe(0);
  });

  it("rate limits per IP and tenant with Retry-After", async () => {
    const headers = { "x-forwarded-for": limitedIp };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await postJson({ email: `burst${i}@example.com`, consent: true }, headers)).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    const limited = await postJson({ email: "burst-last@example.com", consent: true }, headers);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("allows CORS only for the tenant's allowed origins, preflight included", async () => {
    const allowed = await postJson({ email: "cors@example.com", consent: true }, { origin: "https://shop.contoso.test" });
    expect(allowed.status).toBe(202);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.contoso.test");
    const refused = await postJson({ email: "evil@example.com", consent: true }, { origin: "https://evil.test" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = (origin: string) =>
      transport.preflight(tenantSlug, {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      });
    const ok = await preflight("https://www.contoso.test");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect((await preflight("https://evil.test")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends plain HTML form posts on to the thank-you page", async () => {
    const response = await post(new URLSearchParams({ email: "html@example.com", consent: "on" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
      accept: "text/html,application/xhtml+xml",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/subscribe/${tenantSlug}?subscribed=1`);
  });
});

describe("POST /api/subscribe/{tenant} via the App Router route, body cut short", () => {
  it("answers 400 when the body stream fails midway, and stores nothing", async () => {
    const transport = await openTransport("App Router route");
    const { tenant } = await seedTenant(database.db);
    const cutShort = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"cut-short@example.com",'));
        controller.error(new Error("client went away"));
      },
    });
    const response = await transport.post(tenant.slug, cutShort, { "content-type": "application/json", "x-forwarded-for": nextIp() });
    expect(response.status).toBe(400);
    expect(await database.db.signup.count({ where: { emailNormalized: "cut-short@example.com" } })).toBe(0);
  });
});
