// Intake on PostgreSQL: durable idempotent writes, and a rate limit whose counters live in the
// database (shared by every app instance), through the exported route handler.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";

type RouteModule = typeof import("@/app/api/subscribe/[tenantSlug]/route");
let database: TestDatabase;
let route: RouteModule;
let tenantSlug: string;

beforeAll(async () => {
  database = await createTestDatabase("postgresql");
  configureApp(database.url, { SIGNUP_RATE_LIMIT_POINTS: "3" });
  route = await import("@/app/api/subscribe/[tenantSlug]/route");
  tenantSlug = (await seedTenant(database.db)).tenant.slug;
});

afterAll(async () => {
  await database?.drop();
});

const post = (email: string, ip: string) =>
  route.POST(
    new Request(`http://localhost:3000/api/subscribe/${tenantSlug}`, {
      method: "POST",
      body: JSON.stringify({ email, consent: true }),
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
    }),
    { params: Promise.resolve({ tenantSlug }) },
  );

describe("public signup API on PostgreSQL", () => {
  it("stores concurrent repeats of one email as a single row", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, (_, index) => post("Twice@Example.com", `10.1.0.${index}`)));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(202));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
    // Each caller gets an id of its own, so an answer never reveals that the address was known.
    expect(new Set(ids).size).toBe(8);
    expect(await database.db.signup.count({ where: { emailNormalized: "twice@example.com" } })).toBe(1);
    expect(await database.db.signup.count({ where: { id: { in: ids } } })).toBe(1);
  });

  it("leaves a stored signup's details alone when the address is submitted again with others", async () => {
    const submit = (firstName: string, ip: string) =>
      route.POST(
        new Request(`http://localhost:3000/api/subscribe/${tenantSlug}`, {
          method: "POST",
          body: JSON.stringify({ email: "kept@example.com", firstName, consent: true }),
          headers: { "content-type": "application/json", "x-forwarded-for": ip },
        }),
        { params: Promise.resolve({ tenantSlug }) },
      );
    const first = (await (await submit("Kept", "10.4.0.1")).json()) as { id: string };
    const repeat = await submit("Mallory", "10.4.0.2");
    expect(repeat.status).toBe(202);
    expect(((await repeat.json()) as { id: string }).id).not.toBe(first.id);
    expect(await database.db.signup.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ firstName: "Kept", status: "PENDING" });
  });

  it("answers each caller of a burst of new emails with the id of its own row", async () => {
    const emails = Array.from({ length: 3 }, (_, index) => `fresh-${index}@example.com`);
    const responses = await Promise.all(emails.map((email, index) => post(email, `10.2.0.${index}`)));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
    const rows = await database.db.signup.findMany({ where: { id: { in: ids } }, select: { id: true, emailNormalized: true } });
    const emailById = new Map(rows.map((row) => [row.id, row.emailNormalized]));
    expect(ids.map((id) => emailById.get(id))).toEqual(emails);
  });

  it("answers 422, not a server error, for a control character PostgreSQL cannot store", async () => {
    const response = await route.POST(
      new Request(`http://localhost:3000/api/subscribe/${tenantSlug}`, {
        method: "POST",
        body: JSON.stringify({ email: "nul@example.com", firstName: "Nu\u0000ll", consent: true }),
        headers: { "content-type": "application/json", "x-forwarded-for": "10.3.0.1" },
      }),
      { params: Promise.resolve({ tenantSlug }) },
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.firstName?.[0]).toMatch(/control characters/);
  });

  it("counts the rate limit in the database", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(`limited${i}@example.com`, "198.51.100.9")).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string; points: number }>(`SELECT key, points FROM signup_rate_limits`);
      expect(rows.some((row) => row.key.endsWith(":198.51.100.9") && row.points >= 3)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
