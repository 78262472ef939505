// Per-key rate limits: counted per key, refused with a verdict the RateLimit/Retry-After headers are
// built from, and on PostgreSQL shared by every app instance (two limiters, one budget).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeApiAllowance, newApiLimiter, rateLimitHeaders } from "@switchboard/lib/api/api-rate-limiter";
import { createApiKey } from "@switchboard/lib/api-keys/manage-api-keys";
import { whoami } from "@switchboard/lib/api/v1/whoami-route";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { callRoute } from "./support/api-world";

describe.each(testProviders)("API rate limit on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());

  it("allows the budget per key, then refuses with Retry-After; other keys are unaffected", async () => {
    const limiter = newApiLimiter(database.store, 3, 60);
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await consumeApiAllowance(limiter, "key-a"));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[2]?.remaining).toBe(0);
    const refused = rateLimitHeaders(verdicts[3]!);
    // Retry when the 60 s window ends: within it, and the same moment the RateLimit header names.
    const retryAfter = Number(refused["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.RateLimit).toBe(`"per-key";r=0;t=${retryAfter}`);
    expect(refused["RateLimit-Policy"]).toBe('"per-key";q=3;w=60');
    expect((await consumeApiAllowance(limiter, "key-b")).allowed).toBe(true);
  });
});

describe("API rate limit shared on postgresql", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
  });
  afterAll(async () => database?.drop());

  it("shares one budget between app instances", async () => {
    const first = newApiLimiter(database.store, 4, 60);
    const second = newApiLimiter(database.store, 4, 60);
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push((await consumeApiAllowance(first, "shared")).allowed);
    for (let i = 0; i < 3; i++) allowed.push((await consumeApiAllowance(second, "shared")).allowed);
    expect(allowed.filter(Boolean)).toHaveLength(4);
    // One counter in the database for the key, whichever instance counted.
    expect(await database.db.apiRateLimit.findMany({ select: { points: true } })).toEqual([{ points: 6 }]);
  });
});

describe("a route over its key's budget", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    configureApp(database.url, { API_RATE_LIMIT_POINTS: "2", API_RATE_LIMIT_WINDOW_SECONDS: "60" });
  });
  afterAll(async () => database?.drop());

  it("answers 429 problem+json with RateLimit and Retry-After headers", async () => {
    const { key } = await createApiKey(database.db, {
      tenantId: null,
      name: "busy",
      scopes: ["signups:read"],
      creator: { userId: null, label: "test" },
    });
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await callRoute(whoami, { key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last?.headers.get("content-type")).toBe("application/problem+json");
    const retryAfter = Number(last?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last?.headers.get("ratelimit")).toBe(`"per-key";r=0;t=${retryAfter}`);
  });
});
