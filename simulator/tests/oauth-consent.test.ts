import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, control, OPTIONAL_SCOPES, postDecision, REDIRECT_URI, REQUIRED_SCOPES, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => control(sim, "POST", "/reset"));

function authorizeUrl(params: Record<string, string>, path = "/oauth/authorize"): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: REQUIRED_SCOPES,
    optional_scope: OPTIONAL_SCOPES,
    state: "s-1",
    ...params,
  });
  return `${sim.url}${path}?${query.toString().replace(/\+/g, "%20")}`;
}

describe("consent page", () => {
  it("renders an HTML page with every portal, the requested scopes and Grant/Cancel buttons", async () => {
    const response = await fetch(authorizeUrl({}));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<form method="post" action="/oauth/authorize/decision">');
    for (const portalId of [62515, 70001, 80002]) {
      expect(html).toMatch(
        new RegExp(`<label for="portal-${portalId}"><input type="radio" id="portal-${portalId}" name="portal_id" value="${portalId}"`),
      );
    }
    for (const scope of ["oauth", "crm.objects.contacts.write", "crm.objects.contacts.read"]) {
      expect(html).toContain(`<li><code>${scope}</code></li>`);
    }
    expect(html).toContain('<button type="submit" name="decision" value="grant">Grant access</button>');
    expect(html).toContain('<button type="submit" name="decision" value="cancel" formnovalidate>Cancel</button>');
    expect(html).toContain('<input type="hidden" name="state" value="s-1">');
    expect(html).toContain(`<input type="hidden" name="redirect_uri" value="${REDIRECT_URI}">`);
    // 80002 lacks the required write scope: the page says so next to it.
    expect(html).toMatch(/portal-80002-missing">[^<]*lacks required scope: crm\.objects\.contacts\.write/);
  });

  it("pins the portal with /oauth/{portalId}/authorize", async () => {
    const html = await (await fetch(authorizeUrl({}, "/oauth/70001/authorize"))).text();
    expect(html).toContain('value="70001"');
    expect(html).not.toContain('value="62515"');
    const unknown = await fetch(authorizeUrl({}, "/oauth/99999/authorize"));
    expect(unknown.status).toBe(400);
  });

  it("escapes reflected parameters", async () => {
    const html = await (await fetch(authorizeUrl({ state: '"><script>alert(1)</script>' }))).text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });

  it.each([
    ["an unknown client_id", { client_id: "someone-else" }, "Unknown app"],
    ["a redirect_uri that differs by one character", { redirect_uri: `${REDIRECT_URI}/` }, "Redirect URI mismatch"],
    ["no scope", { scope: "" }, "Missing scopes"],
    ["an unknown scope", { scope: "oauth crm.objects.unicorns.write" }, "Invalid scopes"],
  ])("answers %s with a 400 error page and no redirect", async (_name, params, title) => {
    const response = await fetch(authorizeUrl(params), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain(`<h1>${title}</h1>`);
  });
});

describe("consent decision", () => {
  it("Grant redirects to redirect_uri with a code and the state", async () => {
    const response = await postDecision(sim, { state: "xyz" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("code")).toMatch(/^[0-9a-f-]{36}$/);
    expect(location.searchParams.get("state")).toBe("xyz");
  });

  it("Cancel redirects with error=access_denied, a description and the state", async () => {
    const response = await postDecision(sim, { decision: "cancel", state: "xyz" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("redirects with error=invalid_scope when the chosen portal lacks a required scope", async () => {
    const response = await postDecision(sim, { portalId: 80002 });
    const location = new URL(response.headers.get("location") ?? "");
    expect(response.status).toBe(302);
    expect(location.searchParams.get("error")).toBe("invalid_scope");
    expect(location.searchParams.get("error_description")).toContain("crm.objects.contacts.write");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("rejects a tampered decision (mismatched redirect) with an error page", async () => {
    const response = await postDecision(sim, { redirectUri: "https://evil.example/callback" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it("rejects an unknown portal or decision with an error page", async () => {
    expect((await postDecision(sim, { portalId: 12345 })).status).toBe(400);
    const form = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: "oauth", decision: "maybe" });
    const response = await fetch(`${sim.url}/oauth/authorize/decision`, { method: "POST", body: form, redirect: "manual" });
    expect(response.status).toBe(400);
  });
});
