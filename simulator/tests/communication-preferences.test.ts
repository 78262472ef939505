// Communication preferences 2026-03 (HUBSPOT-2026-03.md §0, §4): definitions, statuses with
// HubSpot's resubscribe semantics, unsubscribe-all, the data-privacy legal-basis rule, the
// Enterprise-only batch endpoints and the configurable scope names.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/server";
import { CLIENT_ID, connectPortal, control, REDIRECT_URI, startTestSimulator } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim, "POST", "/reset");
});

const BASE = "/communication-preferences/2026-03";

type Result = { subscriptionId: number; status: string; setStatusSuccessReason?: string; statuses: Result[]; [key: string]: unknown };
type Body = {
  results: Result[];
  errors: { context: { requiredGranularScopes: string[] } }[];
  category?: string;
  message?: string;
  [key: string]: unknown;
};
const NEWSLETTER = 62515001;
const INACTIVE = 62515004;

async function token(scope = "oauth communication_preferences.read_write", optionalScope = ""): Promise<string> {
  return (await connectPortal(sim, { scope, optionalScope })).access_token;
}

async function call(accessToken: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}${BASE}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const subscribe = (accessToken: string, email: string, extra: Record<string, unknown> = {}) =>
  call(accessToken, `/statuses/${email}`, { subscriptionId: NEWSLETTER, statusState: "SUBSCRIBED", channel: "EMAIL", ...extra });
const newsletterStatus = async (accessToken: string, email: string) =>
  (await call(accessToken, `/statuses/${email}?channel=EMAIL`)).body.results.find((r) => r.subscriptionId === NEWSLETTER);

describe("definitions", () => {
  it("lists the portal's seeded types, one internal and one inactive, with string ids", async () => {
    const { status, body } = await call(await token(), "/definitions");
    expect(status).toBe(200);
    expect(body.results).toHaveLength(4);
    expect(body.results[0]).toMatchObject({
      id: String(NEWSLETTER),
      name: "Newsletter",
      isActive: true,
      isInternal: false,
      communicationMethod: "Email",
    });
    expect(body.results.filter((d) => d.isInternal === true)).toHaveLength(1);
    expect(body.results.find((d) => d.isActive === false)).toMatchObject({ id: String(INACTIVE) });
  });

  it("refuses a token without a communication-preferences scope with 403 MISSING_SCOPES", async () => {
    const { status, body } = await call(await token("oauth crm.objects.contacts.write"), "/definitions");
    expect(status).toBe(403);
    expect(body.category).toBe("MISSING_SCOPES");
    expect(body.errors[0]?.context.requiredGranularScopes).toEqual([
      "communication_preferences.read",
      "communication_preferences.read_write",
    ]);
  });
});

describe("statuses", () => {
  it("subscribes, reports no change, and resubscribes someone who opted out in HubSpot's UI", async () => {
    const accessToken = await token();
    expect(await newsletterStatus(accessToken, "reader@example.com")).toMatchObject({ status: "NOT_SPECIFIED", channel: "EMAIL" });
    const first = await subscribe(accessToken, "Reader@Example.com");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: "COMPLETE",
      results: [
        {
          subscriberIdString: "reader@example.com",
          subscriptionId: NEWSLETTER,
          status: "SUBSCRIBED",
          setStatusSuccessReason: "REQUESTED_CHANGE_OCCURRED",
        },
      ],
    });
    expect((await subscribe(accessToken, "reader@example.com")).body.results[0]?.setStatusSuccessReason).toBe("NO_STATUS_CHANGE");

    const optOut = await control(sim, "POST", "/portals/62515/subscription-statuses/reader@example.com", {
      subscriptionId: NEWSLETTER,
      status: "UNSUBSCRIBED",
    });
    expect(optOut.status).toBe(200);
    expect(await newsletterStatus(accessToken, "reader@example.com")).toMatchObject({
      status: "UNSUBSCRIBED",
      source: "HubSpot UI (simulated)",
    });
    const again = await subscribe(accessToken, "reader@example.com");
    expect(again.body.results[0]).toMatchObject({ status: "SUBSCRIBED", setStatusSuccessReason: "RESUBSCRIBE_OCCURRED" });
  });

  it("answers 400 for a missing channel, an invalid address, an unknown or inactive type", async () => {
    const accessToken = await token();
    expect((await call(accessToken, "/statuses/reader@example.com")).status).toBe(400);
    expect((await call(accessToken, "/statuses/not-an-email?channel=EMAIL")).status).toBe(400);
    for (const subscriptionId of [999, INACTIVE]) {
      const { status, body } = await subscribe(accessToken, "reader@example.com", { subscriptionId });
      expect(status).toBe(400);
      expect(body.category).toBe("VALIDATION_ERROR");
    }
    expect((await subscribe(accessToken, "reader@example.com", { channel: "SMS" })).status).toBe(400);
  });

  it("needs the write scope for writes", async () => {
    const readOnly = await token("oauth communication_preferences.read");
    expect((await call(readOnly, "/statuses/reader@example.com?channel=EMAIL")).status).toBe(200);
    expect((await subscribe(readOnly, "reader@example.com")).status).toBe(403);
  });

  it("requires legalBasis and its explanation only while the portal's data-privacy setting is on", async () => {
    const accessToken = await token();
    expect((await control(sim, "PATCH", "/portals/62515/settings", { dataPrivacy: true })).status).toBe(200);
    const refused = await subscribe(accessToken, "gdpr@example.com");
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/legalBasis/);
    expect((await subscribe(accessToken, "gdpr@example.com", { legalBasis: "CONSENT_WITH_NOTICE" })).status).toBe(400);
    const accepted = await subscribe(accessToken, "gdpr@example.com", {
      legalBasis: "CONSENT_WITH_NOTICE",
      legalBasisExplanation: "Opted in via form",
    });
    expect(accepted.body.results[0]).toMatchObject({ legalBasis: "CONSENT_WITH_NOTICE", legalBasisExplanation: "Opted in via form" });
    await control(sim, "PATCH", "/portals/62515/settings", { dataPrivacy: false });
    expect((await subscribe(accessToken, "other@example.com")).status).toBe(200);
    expect((await subscribe(accessToken, "other@example.com", { legalBasis: "MADE_UP" })).status).toBe(400);
  });
});

describe("unsubscribe-all", () => {
  it("opts out of all email; results only with verbose; a later subscribe is a resubscribe", async () => {
    const accessToken = await token();
    await subscribe(accessToken, "all@example.com");
    expect((await call(accessToken, "/statuses/all@example.com/unsubscribe-all?channel=EMAIL")).body.results).toEqual([
      expect.objectContaining({ wideStatusType: "PORTAL_WIDE", status: "SUBSCRIBED" }),
    ]);
    const quiet = await call(accessToken, "/statuses/all@example.com/unsubscribe-all?channel=EMAIL", {});
    expect(quiet).toMatchObject({ status: 200, body: { status: "COMPLETE", results: [] } });
    expect((await call(accessToken, "/statuses/all@example.com/unsubscribe-all?channel=EMAIL")).body.results[0]?.status).toBe(
      "UNSUBSCRIBED",
    );
    expect(await newsletterStatus(accessToken, "all@example.com")).toMatchObject({ status: "UNSUBSCRIBED" });
    const verbose = await call(accessToken, "/statuses/all@example.com/unsubscribe-all?channel=EMAIL&verbose=true", {});
    expect(verbose.body.results).toHaveLength(3);
    expect(verbose.body.results[0]?.setStatusSuccessReason).toBe("NO_STATUS_CHANGE");
    expect((await subscribe(accessToken, "all@example.com")).body.results[0]?.setStatusSuccessReason).toBe("RESUBSCRIBE_OCCURRED");
  });

  it("can be triggered through the control API as the person's own opt-out", async () => {
    const accessToken = await token();
    const snapshot = await control(sim, "POST", "/portals/62515/subscription-statuses/ui@example.com", { unsubscribeFromAll: true });
    expect(await snapshot.json()).toMatchObject({ unsubscribedFromAll: true });
    expect((await call(accessToken, "/statuses/ui@example.com/unsubscribe-all?channel=EMAIL")).body.results[0]?.status).toBe(
      "UNSUBSCRIBED",
    );
  });
});

describe("batch endpoints (Marketing Hub Enterprise scopes)", () => {
  it("are refused with 403 MISSING_SCOPES without the batch scopes", async () => {
    const accessToken = await token();
    const read = await call(accessToken, "/statuses/batch/read?channel=EMAIL", { inputs: ["a@example.com"] });
    expect(read.status).toBe(403);
    expect(read.body.errors[0]?.context.requiredGranularScopes).toEqual(["communication_preferences.statuses.batch.read"]);
    expect((await call(accessToken, "/statuses/batch/write", { inputs: [] })).status).toBe(403);
  });

  it("read and write with the batch scopes, answering 207 for invalid inputs", async () => {
    const accessToken = await token(
      "oauth communication_preferences.read_write",
      "communication_preferences.statuses.batch.read communication_preferences.statuses.batch.write",
    );
    const write = await call(accessToken, "/statuses/batch/write", {
      inputs: [
        { subscriberIdString: "b1@example.com", subscriptionId: NEWSLETTER, statusState: "SUBSCRIBED", channel: "EMAIL" },
        { subscriberIdString: "bad", subscriptionId: NEWSLETTER, statusState: "SUBSCRIBED", channel: "EMAIL" },
      ],
    });
    expect(write.status).toBe(207);
    expect(write.body).toMatchObject({ numErrors: 1, results: [{ subscriberIdString: "b1@example.com", status: "SUBSCRIBED" }] });
    const read = await call(accessToken, "/statuses/batch/read?channel=EMAIL", { inputs: ["b1@example.com"] });
    expect(read.status).toBe(200);
    expect(read.body.results[0]?.statuses.find((s) => s.subscriptionId === NEWSLETTER)?.status).toBe("SUBSCRIBED");
  });
});

describe("scope names", () => {
  it("come from one configurable list", async () => {
    const patched = await control(sim, "PATCH", "/config", {
      communicationPreferencesScopes: {
        read: ["subscriptions-status-read"],
        write: ["subscriptions-status-write"],
        batchRead: ["communication_preferences.statuses.batch.read"],
        batchWrite: ["communication_preferences.statuses.batch.write"],
      },
    });
    expect(patched.status).toBe(200);
    expect((await call(await token(), "/definitions")).status).toBe(403);
    expect((await call(await token("oauth subscriptions-status-read"), "/definitions")).status).toBe(200);
  });

  it("are shown on the consent screen as required and optional access", async () => {
    const query = new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: "oauth communication_preferences.read_write crm.lists.write",
      optional_scope: "communication_preferences.statuses.batch.read",
    });
    const html = await (await fetch(`${sim.url}/oauth/authorize?${query}`)).text();
    const [required, optional] = html.split('id="optional-scopes"');
    expect(required).toContain("<code>communication_preferences.read_write</code>");
    expect(required).toContain("<code>crm.lists.write</code>");
    expect(optional).toContain("<code>communication_preferences.statuses.batch.read</code>");
  });
});

describe("request log", () => {
  it("keeps no email address from status paths", async () => {
    await call(await token(), "/statuses/private.person@example.com?channel=EMAIL");
    const log = (await (await control(sim, "GET", "/requests")).json()) as { requests: { path: string }[] };
    expect(log.requests.map((entry) => entry.path)).toContain(`${BASE}/statuses/[email]`);
    expect(JSON.stringify(log)).not.toContain("private.person");
  });
});
