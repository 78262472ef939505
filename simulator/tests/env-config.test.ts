import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/config";
import { simulatorOptionsFromEnv } from "../src/env";

describe("HUBSPOT_SIM_* environment", () => {
  it("uses HubSpot-like defaults when nothing is set", () => {
    const config = resolveConfig(simulatorOptionsFromEnv({}));
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 4010,
      clientId: "switchboard-local",
      clientSecret: "switchboard-local-secret",
      redirectUris: ["http://localhost:3000/api/integrations/hubspot/callback"],
      accessTokenTtlSeconds: 1800,
      codeTtlSeconds: 30,
      rotateRefreshTokens: false,
      rateLimit: { max: 110, intervalMs: 10_000 },
      searchRateLimit: { max: 5, intervalMs: 1_000 },
      searchLagMs: 0,
    });
    expect(config.portals.map((portal) => portal.id)).toEqual([62515, 70001, 80002]);
    expect(config.portals[1]?.scopes).not.toContain("crm.objects.contacts.read");
    expect(config.portals[2]?.scopes).not.toContain("crm.objects.contacts.write");
  });

  it("reads every variable", () => {
    const portals = [{ id: 5, name: "Five", hubDomain: "five.test", userEmail: "a@five.test", userId: 9, scopes: ["oauth"] }];
    const config = resolveConfig(
      simulatorOptionsFromEnv({
        HUBSPOT_SIM_PORT: "4999",
        HUBSPOT_SIM_HOST: "0.0.0.0",
        HUBSPOT_SIM_CLIENT_ID: "id",
        HUBSPOT_SIM_CLIENT_SECRET: "secret",
        HUBSPOT_SIM_REDIRECT_URIS: "http://a.test/cb, http://b.test/cb",
        HUBSPOT_SIM_ACCESS_TOKEN_TTL_SECONDS: "60",
        HUBSPOT_SIM_CODE_TTL_SECONDS: "5",
        HUBSPOT_SIM_ROTATE_REFRESH_TOKENS: "true",
        HUBSPOT_SIM_RATE_LIMIT: "off",
        HUBSPOT_SIM_SEARCH_RATE_LIMIT: "10/2000",
        HUBSPOT_SIM_SEARCH_LAG_MS: "1500",
        HUBSPOT_SIM_LATENCY_MS: "20",
        HUBSPOT_SIM_PORTALS: JSON.stringify(portals),
        HUBSPOT_SIM_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/hubspot",
        HUBSPOT_SIM_WEBHOOK_MAX_ATTEMPTS: "2",
      }),
    );
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 4999,
      clientId: "id",
      clientSecret: "secret",
      redirectUris: ["http://a.test/cb", "http://b.test/cb"],
      accessTokenTtlSeconds: 60,
      codeTtlSeconds: 5,
      rotateRefreshTokens: true,
      rateLimit: null,
      searchRateLimit: { max: 10, intervalMs: 2000 },
      searchLagMs: 1500,
      latencyMs: 20,
      webhookTargetUrl: "http://127.0.0.1:3000/api/webhooks/hubspot",
      webhookMaxAttempts: 2,
    });
    expect(config.portals).toEqual([{ ...portals[0], dataPrivacy: false, createAsMarketingContacts: false }]);
    expect(resolveConfig(simulatorOptionsFromEnv({ HUBSPOT_SIM_RATE_LIMIT: "50" })).rateLimit).toEqual({ max: 50, intervalMs: 10_000 });
  });

  it.each([
    ["HUBSPOT_SIM_PORT", "abc"],
    ["HUBSPOT_SIM_RATE_LIMIT", "lots"],
    ["HUBSPOT_SIM_REDIRECT_URIS", "not a url"],
    ["HUBSPOT_SIM_PORTALS", "{oops"],
    ["HUBSPOT_SIM_PORTALS", "[]"],
    ["HUBSPOT_SIM_ROTATE_REFRESH_TOKENS", "yes please"],
  ])("stops with a message naming %s when it is %j", (name, value) => {
    expect(() => simulatorOptionsFromEnv({ [name]: value })).toThrow(new RegExp(`^Invalid ${name}`));
  });
});
