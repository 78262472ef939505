// The production server's routing and transport details, over real HTTP on loopback: which
// requests take the direct intake path and which reach Next, the client address when no proxy
// set one, and the connection after a refused oversized body. Next itself is a stand-in here; the
// e2e suite runs the real server with the real Next app.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serverEnv } from "@switchboard/lib/env/server";
import { hostAllowlist } from "@switchboard/lib/security/host-allowlist";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedTenant } from "@/tests/helpers/seed-tenant";
import { NEXT_SAW_FORWARDED_FOR, NEXT_STAND_IN_HEADER, openServerTransport } from "../signups/support/intake-transports";

let database: TestDatabase;
let slug: string;
let direct: Awaited<ReturnType<typeof openServerTransport>>;
let nextOnly: Awaited<ReturnType<typeof openServerTransport>>;
let noProxy: Awaited<ReturnType<typeof openServerTransport>>;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  configureApp(database.url, { SIGNUP_RATE_LIMIT_POINTS: "3" });
  slug = (await seedTenant(database.db)).tenant.slug;
  direct = await openServerTransport();
  nextOnly = await openServerTransport({ intakeDirectPath: false });
  // What `npm start` does with nothing configured.
  noProxy = await openServerTransport({ trustedProxyHops: serverEnv().TRUSTED_PROXY_HOPS });
});

afterAll(async () => {
  await direct?.close();
  await nextOnly?.close();
  await noProxy?.close();
  await database?.drop();
});

const signup = (email: string) => JSON.stringify({ email, consent: true });
const send = (url: string, init: RequestInit = {}) => fetch(url, { redirect: "manual", ...init });
const answeredByNext = (response: Response) => response.headers.get(NEXT_STAND_IN_HEADER) === "1";

type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A request with a Host header of our choosing (fetch always sends the URL's own). */
function sendAs(
  url: string,
  host: string,
  { method = "GET", body, headers = {} }: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: { ...headers, host } }, (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("production server routing", () => {
  it("answers POST and OPTIONS /api/subscribe/{tenant} itself, query string or not", async () => {
    const post = await send(`${direct.url}/api/subscribe/${slug}?utm_source=site`, {
      method: "POST",
      body: signup("routed@example.com"),
      headers: { "content-type": "application/json", "x-forwarded-for": "10.7.0.1" },
    });
    expect(post.status).toBe(202);
    expect(answeredByNext(post)).toBe(false);
    const preflight = await send(`${direct.url}/api/subscribe/${slug}`, {
      method: "OPTIONS",
      headers: { origin: "https://elsewhere.test" },
    });
    expect(preflight.status).toBe(204);
    expect(answeredByNext(preflight)).toBe(false);
  });

  it("leaves every other method and path to Next", async () => {
    for (const [method, path] of [
      ["GET", `/api/subscribe/${slug}`],
      ["POST", `/api/subscribe/${slug}/extra`],
      ["POST", "/api/subscribe/"],
      ["GET", "/login"],
      ["POST", "/api/subscribers"],
    ] as const) {
      const response = await send(`${direct.url}${path}`, { method, ...(method === "POST" ? { body: "{}" } : {}) });
      expect(answeredByNext(response), `${method} ${path}`).toBe(true);
    }
  });

  it("answers 400 itself, before Next or the direct path, for a path with a malformed %-escape", async () => {
    for (const [method, path] of [
      ["GET", "/t/%E0%A4%A/integrations"],
      ["GET", "/login%"],
      ["POST", "/api/subscribe/%E0%A4%A"],
      ["GET", "/subscribe/%C0%AF"], // an overlong UTF-8 form of "/"
    ] as const) {
      const response = await send(`${direct.url}${path}`, { method, ...(method === "POST" ? { body: "{}" } : {}) });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(answeredByNext(response)).toBe(false);
    }
    // A stray % in the query string is not the path's problem.
    expect(answeredByNext(await send(`${direct.url}/login?q=100%`))).toBe(true);
  });

  it("sends the signup API through Next as well when the direct path is switched off", async () => {
    const response = await send(`${nextOnly.url}/api/subscribe/${slug}`, {
      method: "POST",
      body: signup("next-only@example.com"),
      headers: { "content-type": "application/json" },
    });
    expect(answeredByNext(response)).toBe(true);
    expect(await database.db.signup.count({ where: { emailNormalized: "next-only@example.com" } })).toBe(0);
  });
});

describe("production server host allowlist", () => {
  it("refuses a Host it does not serve with 421 before the direct path or Next run anything", async () => {
    const port = new URL(direct.url).port;
    for (const host of [
      `rebind.attacker.test:${port}`,
      "rebind.attacker.test",
      `localhost.attacker.test:${port}`,
      "user@localhost",
      "192.168.1.9",
    ]) {
      const page = await sendAs(`${direct.url}/login`, host);
      expect(page.status, `GET /login as ${JSON.stringify(host)}`).toBe(421);
      expect(page.headers[NEXT_STAND_IN_HEADER]).toBeUndefined();
      const post = await sendAs(`${direct.url}/api/subscribe/${slug}`, host, {
        method: "POST",
        body: signup("rebound@example.com"),
        headers: { "content-type": "application/json", "x-forwarded-for": "10.7.1.1" },
      });
      expect(post.status, `POST as ${JSON.stringify(host)}`).toBe(421);
      expect(post.body).toMatch(/does not serve that host/);
    }
    expect(await database.db.signup.count({ where: { emailNormalized: "rebound@example.com" } })).toBe(0);
  });

  it("answers APP_URL's host and, outside production, the loopback names, whatever the port or case", async () => {
    const port = new URL(direct.url).port;
    for (const host of [`localhost:${port}`, "LOCALHOST", `127.0.0.1:${port}`, `[::1]:${port}`, "localhost."]) {
      const page = await sendAs(`${direct.url}/login`, host);
      expect(page.headers[NEXT_STAND_IN_HEADER], host).toBe("1");
    }
  });

  it("in production answers only APP_URL's host and ALLOWED_HOSTS, not loopback names", async () => {
    const production = await openServerTransport({
      allowedHosts: hostAllowlist({
        APP_URL: "https://switchboard.example",
        NODE_ENV: "production",
        DEMO_MODE: false,
        ALLOWED_HOSTS: ["10.0.0.5"],
      }),
    });
    try {
      const answeredBy = async (host: string) => (await sendAs(`${production.url}/api/health`, host)).status;
      expect(await answeredBy("switchboard.example")).toBe(404); // the stand-in for Next
      expect(await answeredBy("Switchboard.Example:443")).toBe(404);
      expect(await answeredBy("10.0.0.5:3000")).toBe(404);
      for (const host of ["localhost", "127.0.0.1", "[::1]", "evil.example", "switchboard.example.evil.test"])
        expect(await answeredBy(host), host).toBe(421);
    } finally {
      await production.close();
    }
  });
});

describe("production server transport", () => {
  it("throttles a client without X-Forwarded-For by its socket address", async () => {
    // Two clients on different loopback addresses, neither behind a proxy.
    const postFrom = (localAddress: string, email: string) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = httpRequest(
          `${direct.url}/api/subscribe/${slug}`,
          { method: "POST", localAddress, headers: { "content-type": "application/json" } },
          (incoming) => {
            incoming.resume();
            resolve(incoming.statusCode ?? 0);
          },
        );
        outgoing.on("error", reject);
        outgoing.end(signup(email));
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await postFrom("127.0.0.1", `socket-${i}@example.com`));
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(await postFrom("127.0.0.2", "neighbour@example.com")).toBe(202);
  });

  it("by default, a forged X-Forwarded-For changes nothing: the socket address is throttled", async () => {
    const ownSlug = (await seedTenant(database.db)).tenant.slug;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await send(`${noProxy.url}/api/subscribe/${ownSlug}`, {
        method: "POST",
        body: signup(`forged-${i}@example.com`),
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it("by default, spoofing another client's address in X-Forwarded-For does not spend that client's allowance", async () => {
    const ownSlug = (await seedTenant(database.db)).tenant.slug;
    const victim = "127.0.0.3";
    for (let i = 0; i < 5; i++) {
      await send(`${noProxy.url}/api/subscribe/${ownSlug}`, {
        method: "POST",
        body: signup(`spoofer-${i}@example.com`),
        headers: { "content-type": "application/json", "x-forwarded-for": victim },
      });
    }
    const fromVictim = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        `${noProxy.url}/api/subscribe/${ownSlug}`,
        { method: "POST", localAddress: victim, headers: { "content-type": "application/json" } },
        (incoming) => {
          incoming.resume();
          resolve(incoming.statusCode ?? 0);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(signup("victim@example.com"));
    });
    expect(fromVictim).toBe(202);
  });

  it("hands Next only the client address the trusted proxies vouch for", async () => {
    const seen = async (server: typeof direct, forwardedFor: string | null) =>
      (await send(`${server.url}/login`, { headers: forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor } })).headers.get(
        NEXT_SAW_FORWARDED_FOR,
      );
    // One proxy (the default): it appended the real client after whatever the client claimed.
    expect(await seen(direct, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await seen(direct, null)).toMatch(/127\.0\.0\.1$/);
    // No proxy: the header is the client's own invention.
    expect(await seen(noProxy, "6.6.6.6")).toMatch(/127\.0\.0\.1$/);
  });

  it("shrugs off a client that goes away mid-body: nothing stored, nothing logged as a failure, still serving", async () => {
    const written = vi.spyOn(process.stderr, "write");
    try {
      await new Promise<void>((resolve) => {
        const outgoing = httpRequest(`${direct.url}/api/subscribe/${slug}`, {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": "1000", "x-forwarded-for": "10.7.0.4" },
        });
        outgoing.on("error", () => undefined);
        outgoing.write('{"email":"gone-midway@example.com",');
        setTimeout(() => {
          outgoing.destroy();
          setTimeout(resolve, 200);
        }, 100);
      });
      const logged = written.mock.calls.map(([chunk]) => String(chunk)).join("");
      expect(logged).not.toContain("signup intake failed");
    } finally {
      written.mockRestore();
    }
    expect(await database.db.signup.count({ where: { emailNormalized: "gone-midway@example.com" } })).toBe(0);
    const after = await send(`${direct.url}/api/subscribe/${slug}`, {
      method: "POST",
      body: signup("after-abort@example.com"),
      headers: { "content-type": "application/json", "x-forwarded-for": "10.7.0.5" },
    });
    expect(after.status).toBe(202);
  });

  it("closes the connection after refusing an oversized body instead of reading the rest as a request", async () => {
    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const outgoing = httpRequest(`${direct.url}/api/subscribe/${slug}`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked", "x-forwarded-for": "10.7.0.3" },
      });
      outgoing.on("response", (incoming) => {
        incoming.resume();
        resolve({ status: incoming.statusCode ?? 0, connection: incoming.headers.connection });
      });
      outgoing.on("error", reject);
      // 40 KB of chunks, no Content-Length: counted while reading.
      for (let i = 0; i < 40; i++) outgoing.write("x".repeat(1024));
      outgoing.end();
    });
    expect(status).toBe(413);
    expect(connection).toBe("close");
  });
});

describe("production server security headers", () => {
  it("sends on the direct path what next.config.ts sends on every API answer, and no HSTS over http", async () => {
    const response = await send(`${direct.url}/api/subscribe/${slug}`, {
      method: "POST",
      body: signup("headers@example.com"),
      headers: { "content-type": "application/json", "x-forwarded-for": "10.7.0.9" },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS on every answer, Next's included, when APP_URL is https", async () => {
    const { createAppServer } = await import("@/server/create-app-server");
    const { appSubscribeContext } = await import("@switchboard/lib/signups/intake/handle-subscribe");
    const server = createAppServer({
      handleWithNext: async (_request, response) => void response.writeHead(404).end(),
      context: {
        ...appSubscribeContext((await import("@switchboard/lib/runtime/process-runtime")).processRuntime()),
        appUrl: "https://switchboard.example",
      },
      intakeDirectPath: true,
      trustedProxyHops: 0,
      allowedHosts: hostAllowlist({ APP_URL: "https://switchboard.example", NODE_ENV: "production", DEMO_MODE: false }),
    });
    const url = await new Promise<string>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
    );
    try {
      for (const path of ["/login", `/api/subscribe/${slug}`]) {
        const response = await sendAs(`${url}${path}`, "switchboard.example", { method: path === "/login" ? "GET" : "OPTIONS" });
        expect(response.headers["strict-transport-security"], path).toMatch(/^max-age=\d+/);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
