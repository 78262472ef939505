// Sessions end when they should: sign-out ends them on the server (a copied cookie stops working),
// and a sign-in lasts SESSION_MAX_AGE_HOURS from the moment it happened however busy it is. Driven
// through Auth.js's own endpoints, configured exactly as the app configures them.
import { randomBytes } from "node:crypto";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appAuthConfig } from "@/web/app-auth-config";
import { hashPassword } from "@switchboard/lib/auth/password";
import { endUserSessions } from "@switchboard/lib/auth/session-version";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

const PASSWORD = "switchboard-test-password";
const EMAIL = "admin@contoso.test";
const BASE = "http://localhost:3000/api/auth";
const HOUR_MS = 3_600_000;
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});
afterEach(() => vi.useRealTimers());

type Cookies = Map<string, string>;
type Handlers = ReturnType<typeof NextAuth>["handlers"];

function authClient(handlers: Handlers) {
  const header = (cookies: Cookies) => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const remember = (cookies: Cookies, response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const csrf = async (cookies: Cookies) => {
    const response = await handlers.GET(new NextRequest(`${BASE}/csrf`, { headers: { cookie: header(cookies) } }));
    remember(cookies, response);
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  };
  const post = async (path: string, cookies: Cookies, fields: Record<string, string>) => {
    const body = new URLSearchParams({ ...fields, csrfToken: await csrf(cookies) });
    const response = await handlers.POST(
      new NextRequest(`${BASE}${path}`, {
        method: "POST",
        body,
        headers: { cookie: header(cookies), "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    remember(cookies, response);
  };
  return {
    async signIn(): Promise<Cookies> {
      const cookies: Cookies = new Map();
      await post("/callback/credentials", cookies, { email: EMAIL, password: PASSWORD });
      return cookies;
    },
    signOut: (cookies: Cookies) => post("/signout", cookies, {}),
    /** The signed-in email, or null; keeps any re-issued cookie in `cookies`. */
    async whoAmI(cookies: Cookies): Promise<string | null> {
      const response = await handlers.GET(new NextRequest(`${BASE}/session`, { headers: { cookie: header(cookies) } }));
      remember(cookies, response);
      const session = (await response.json()) as { user?: { email?: string } } | null;
      return session?.user?.email ?? null;
    },
  };
}

describe.each(testProviders)("session end on %s", (provider) => {
  let database: TestDatabase;
  const instance = (extra: { SESSION_MAX_AGE_HOURS?: number } = {}) =>
    authClient(
      NextAuth(
        appAuthConfig(
          {
            AUTH_SECRET: randomBytes(32).toString("base64"),
            AUTH_TRUST_HOST: true,
            SESSION_MAX_AGE_HOURS: 8,
            AUTH_PASSWORD: "on",
            OIDC_NAME: "single sign-on",
            ...extra,
          },
          () => database.db,
        ),
      ).handlers,
    );

  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => database?.drop());
  beforeEach(async () => {
    await database.reset();
    await database.db.user.create({ data: { email: EMAIL, name: "Admin", passwordHash } });
  });

  it("refuses the old session cookie after sign-out, even a copy kept from before", async () => {
    const client = instance();
    const cookies = await client.signIn();
    expect(await client.whoAmI(cookies)).toBe(EMAIL);
    const copied = new Map(cookies);
    await client.signOut(cookies);
    expect(await client.whoAmI(copied)).toBeNull();
  });

  it("ends every session of the user on endUserSessions (what a password reset will call)", async () => {
    const client = instance();
    const [laptop, phone] = [await client.signIn(), await client.signIn()];
    const user = await database.db.user.findUniqueOrThrow({ where: { email: EMAIL } });
    await endUserSessions(database.db, user.id);
    expect(await client.whoAmI(laptop)).toBeNull();
    expect(await client.whoAmI(phone)).toBeNull();
    // Signing in again works, with the new version.
    expect(await client.whoAmI(await client.signIn())).toBe(EMAIL);
  });

  it("ends a sign-in 8 hours after it happened, however often it was used meanwhile", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const client = instance();
    const cookies = await client.signIn();
    for (const hours of [1, 4, 7.9]) {
      vi.setSystemTime(start + hours * HOUR_MS);
      expect(await client.whoAmI(cookies), `after ${hours} h`).toBe(EMAIL);
    }
    vi.setSystemTime(start + 8 * HOUR_MS + 60_000);
    expect(await client.whoAmI(cookies)).toBeNull();
  });

  it("takes the absolute lifetime from SESSION_MAX_AGE_HOURS", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const client = instance({ SESSION_MAX_AGE_HOURS: 1 });
    const cookies = await client.signIn();
    vi.setSystemTime(start + 50 * 60_000);
    expect(await client.whoAmI(cookies)).toBe(EMAIL);
    vi.setSystemTime(start + 61 * 60_000);
    expect(await client.whoAmI(cookies)).toBeNull();
  });
});
