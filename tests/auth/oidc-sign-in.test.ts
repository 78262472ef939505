// Single sign-on against a real OpenID Connect provider (oidc-provider, started here), through the
// app's real next-auth configuration and handlers, on both databases: a verified email signs in to
// the matching account (or a new one) with just-in-time memberships from the roles claim; an
// unverified email, a wrong issuer, a replayed callback and another attempt's state are refused.
import { randomBytes } from "node:crypto";
import NextAuth from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadServerEnv } from "@switchboard/lib/env/load-server-env";
import { parseRoleClaim, signInWithOidcClaims } from "@switchboard/lib/auth/oidc-sign-in";
import { appAuthConfig } from "@/web/app-auth-config";
import { CookieJar } from "@/tests/helpers/cookie-jar";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { startTestIdp, type TestIdp } from "@/tests/helpers/oidc-idp";

const APP = "http://localhost:3000";
const REDIRECT_URI = `${APP}/api/auth/callback/oidc`;

describe("the roles claim", () => {
  it("reads tenant:role entries from an array or a string, and never grants OWNER", () => {
    expect(parseRoleClaim(["acme:ADMIN", "Globex:member", "initech:OWNER", 42, "broken"])).toEqual([
      { slug: "acme", role: "ADMIN" },
      { slug: "globex", role: "MEMBER" },
    ]);
    expect(parseRoleClaim("acme:ADMIN, globex:MEMBER")).toEqual([
      { slug: "acme", role: "ADMIN" },
      { slug: "globex", role: "MEMBER" },
    ]);
    expect(parseRoleClaim(undefined)).toEqual([]);
  });
});

describe.each(testProviders)("single sign-on on %s", (provider) => {
  let database: TestDatabase;
  let idp: TestIdp;
  beforeAll(async () => {
    [database, idp] = await Promise.all([createTestDatabase(provider), startTestIdp(REDIRECT_URI)]);
    idp.accounts.set("u-ver", {
      email: "Ver@Acme.test",
      email_verified: true,
      name: "Vera",
      switchboard_roles: ["acme:ADMIN", "acme-eu:OWNER"],
    });
    idp.accounts.set("u-unver", { email: "unver@acme.test", email_verified: false, name: "Una" });
  });
  afterAll(async () => Promise.all([database?.drop(), idp?.close()]));
  beforeEach(async () => database.reset());

  function handlers(issuer = idp.issuer) {
    const env = loadServerEnv({
      NODE_ENV: "test",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
      APP_URL: APP,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ROLES_CLAIM: "switchboard_roles",
    });
    return NextAuth(() => appAuthConfig(env, () => database.db)).handlers;
  }
  type Handlers = ReturnType<typeof handlers>;

  async function call(app: Handlers, jar: CookieJar, path: string, init: RequestInit = {}): Promise<Response> {
    const request = new Request(path.startsWith("http") ? path : `${APP}${path}`, {
      ...init,
      headers: { ...init.headers, cookie: jar.header() },
    });
    const response = await (init.method === "POST" ? app.POST : app.GET)(request as never);
    jar.store(response);
    return response;
  }

  /** Our sign-in start: CSRF token, then POST /api/auth/signin/oidc; returns where the browser goes. */
  async function startSignIn(app: Handlers, jar: CookieJar): Promise<string> {
    const { csrfToken } = (await (await call(app, jar, "/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await call(app, jar, "/api/auth/signin/oidc", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/` }).toString(),
    });
    return response.headers.get("location") ?? "";
  }

  /** The person at the identity provider: follows its redirects until it sends them back to us. */
  async function atIdp(authorizeUrl: string, accountId: string): Promise<string> {
    idp.nextLogin.accountId = accountId;
    const jar = new CookieJar();
    let url = authorizeUrl;
    for (let hop = 0; hop < 10 && !url.startsWith(REDIRECT_URI); hop++) {
      const response = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
      jar.store(response);
      const location = response.headers.get("location");
      if (!location) throw new Error(`identity provider answered ${response.status} at ${url}: ${await response.text()}`);
      url = new URL(location, url).toString();
    }
    return url;
  }

  async function sessionOf(app: Handlers, jar: CookieJar) {
    return (await (await call(app, jar, "/api/auth/session")).json()) as { user?: { id: string; email: string } } | null;
  }

  it("signs a verified email in to a new account, with PKCE, state and nonce, and grants the claimed memberships", async () => {
    const { db } = database;
    const { tenant: acme } = await seedTenant(db, { slug: "acme", people: [] });
    await seedTenant(db, { slug: "acme-eu", name: "Acme EU", people: [] });
    const app = handlers();
    const jar = new CookieJar();
    const authorizeUrl = await startSignIn(app, jar);
    const params = new URL(authorizeUrl).searchParams;
    expect(authorizeUrl.startsWith(idp.issuer)).toBe(true);
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();

    const done = await call(app, jar, await atIdp(authorizeUrl, "u-ver"));
    expect(done.headers.get("location")).toBe(`${APP}/`);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ver@acme.test" } });
    expect(user).toMatchObject({ name: "Vera", passwordHash: null });
    expect((await sessionOf(app, jar))?.user).toMatchObject({ id: user.id, email: "ver@acme.test" });
    // ADMIN in acme from the claim; OWNER is never granted by a claim.
    expect(await db.membership.findMany({ where: { userId: user.id }, select: { tenantId: true, role: true } })).toEqual([
      { tenantId: acme.id, role: "ADMIN" },
    ]);
  });

  it("matches an existing account by verified email and never lowers its role", async () => {
    const { db } = database;
    const {
      people: [existing],
    } = await seedTenant(db, { slug: "acme", people: [{ role: "OWNER", email: "ver@acme.test", name: "Vera Existing" }] });
    const app = handlers();
    const jar = new CookieJar();
    await call(app, jar, await atIdp(await startSignIn(app, jar), "u-ver"));
    expect((await sessionOf(app, jar))?.user?.id).toBe(existing.userId);
    expect(await db.user.count()).toBe(1);
    expect((await db.membership.findFirstOrThrow({ where: { userId: existing.userId } })).role).toBe("OWNER");
  });

  it("keeps the identity provider's name only under the one display-text rule, and signs in either way", async () => {
    const { db } = database;
    const signed = await signInWithOidcClaims(db, { sub: "bidi", email: "bidi@acme.test", email_verified: true, name: "\u202EVera\u200b" });
    expect(signed).toMatchObject({ name: "Vera" });
    const controlled = await signInWithOidcClaims(db, { sub: "ctl", email: "ctl@acme.test", email_verified: true, name: "Vera\r\nAdmin" });
    expect(controlled).toMatchObject({ email: "ctl@acme.test", name: null });
  });

  it("refuses an unverified email and creates nothing", async () => {
    const app = handlers();
    const jar = new CookieJar();
    const done = await call(app, jar, await atIdp(await startSignIn(app, jar), "u-unver"));
    expect(done.headers.get("location")).toContain("/login?error=AccessDenied");
    expect(await sessionOf(app, jar)).toBeNull();
    expect(await database.db.user.count()).toBe(0);
  });

  it("refuses a replayed callback and a callback carrying another attempt's state", async () => {
    const app = handlers();
    // Two sign-in attempts in two browsers; the IdP answers the first.
    const first = new CookieJar();
    const second = new CookieJar();
    const callbackUrl = await atIdp(await startSignIn(app, first), "u-ver");
    await startSignIn(app, second);
    const beforeFirst = first.copy();

    const crossed = await call(app, second, callbackUrl);
    expect(crossed.headers.get("location")).toContain("/login?error=");
    expect(await sessionOf(app, second)).toBeNull();

    await call(app, first, callbackUrl);
    expect((await sessionOf(app, first))?.user?.email).toBe("ver@acme.test");
    // The same callback again, with the cookies from before it was used: the state and code are spent.
    const replayed = await call(app, beforeFirst, callbackUrl);
    expect(replayed.headers.get("location")).toContain("/login?error=");
    expect(await sessionOf(app, beforeFirst.copy())).toBeNull();
  });

  it("refuses an identity provider whose issuer is not the configured one", async () => {
    // Same server, different name: discovery says 127.0.0.1, we expect localhost.
    const app = handlers(idp.issuer.replace("127.0.0.1", "localhost"));
    const jar = new CookieJar();
    const location = await startSignIn(app, jar);
    expect(location).toContain("/login?error=");
    expect(await database.db.user.count()).toBe(0);
  });
});
