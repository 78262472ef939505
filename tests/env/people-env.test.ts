// The configuration of mail and single sign-on: one line naming the variable when it is unusable.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadServerEnv } from "@switchboard/lib/env/load-server-env";

const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}` };
const load = (env: Record<string, string>) => loadServerEnv({ NODE_ENV: "production", ...secrets, ...env });
const oidc = { OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "switchboard", OIDC_CLIENT_SECRET: "s3cret" };

describe("mail and single sign-on settings", () => {
  it("accepts smtp:// and smtps:// URLs only", () => {
    expect(load({ SMTP_URL: "smtps://user:pass@mail.example.com:465" }).SMTP_URL).toBe("smtps://user:pass@mail.example.com:465");
    expect(() => load({ SMTP_URL: "http://mail.example.com" })).toThrow(
      "Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL",
    );
  });

  it("needs all three OIDC variables or none, and names the missing one", () => {
    expect(load(oidc).OIDC_ISSUER).toBe("https://login.example.com");
    expect(() => load({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: "x" })).toThrow(
      /^Invalid configuration: OIDC_CLIENT_SECRET is required when single sign-on/,
    );
  });

  it("switches password sign-in off only when single sign-on is configured", () => {
    expect(load({ ...oidc, AUTH_PASSWORD: "off" }).AUTH_PASSWORD).toBe("off");
    expect(load({}).AUTH_PASSWORD).toBe("on");
    expect(() => load({ AUTH_PASSWORD: "off" })).toThrow(
      "Invalid configuration: AUTH_PASSWORD can only be off when single sign-on (OIDC_*) is configured",
    );
    expect(() => load({ AUTH_PASSWORD: "maybe" })).toThrow("Invalid configuration: AUTH_PASSWORD must be on or off");
  });
});
