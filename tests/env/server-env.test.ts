import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvValidationError, loadServerEnv } from "@switchboard/lib/env/load-server-env";
import { generateAuthSecret, generateTokenEncryptionKeys } from "@switchboard/lib/env/secret-formats";

let dir: string;
let secretsFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "switchboard-foundation-env-"));
  secretsFile = join(dir, "secrets.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const productionSecrets = () => ({
  NODE_ENV: "production",
  AUTH_SECRET: generateAuthSecret(),
  TOKEN_ENCRYPTION_KEYS: generateTokenEncryptionKeys(),
});

function loadError(source: Record<string, string | undefined>): EnvValidationError {
  try {
    loadServerEnv(source, { secretsFile });
  } catch (error) {
    if (error instanceof EnvValidationError) return error;
    throw error;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("server configuration", () => {
  it("fills in the documented defaults", () => {
    const env = loadServerEnv({}, { secretsFile });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "file:./.data/switchboard.db",
      APP_URL: "http://localhost:3000",
      HUBSPOT_SCOPES: "oauth crm.objects.contacts.write crm.objects.contacts.read",
      HUBSPOT_OPTIONAL_SCOPES:
        "communication_preferences.read_write communication_preferences.statuses.batch.read crm.lists.read crm.lists.write",
      HUBSPOT_AUTH_BASE_URL: "https://app.hubspot.com",
      HUBSPOT_API_BASE_URL: "https://api.hubapi.com",
      SEED_PASSWORD: "switchboard-demo",
      SYNC_IN_PROCESS: true,
      LOG_LEVEL: "info",
      SESSION_MAX_AGE_HOURS: 8,
    });
    expect(env.HUBSPOT_CLIENT_ID).toBeUndefined();
  });

  it("parses flags and strips trailing slashes from URLs", () => {
    const env = loadServerEnv(
      { ...productionSecrets(), SYNC_IN_PROCESS: "false", AUTH_TRUST_HOST: "1", APP_URL: "https://switchboard.example/" },
      { secretsFile },
    );
    expect(env.SYNC_IN_PROCESS).toBe(false);
    expect(env.AUTH_TRUST_HOST).toBe(true);
    expect(env.APP_URL).toBe("https://switchboard.example");
  });

  it("treats empty values as unset", () => {
    const env = loadServerEnv({ APP_URL: "", LOG_LEVEL: " " }, { secretsFile });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("names the variable when a plain setting is invalid", () => {
    expect(loadError({ DATABASE_URL: "mysql://db/x" }).variable).toBe("DATABASE_URL");
    expect(loadError({ APP_URL: "not a url" }).message).toMatch(/^Invalid configuration: APP_URL /);
    expect(loadError({ SYNC_IN_PROCESS: "maybe" }).variable).toBe("SYNC_IN_PROCESS");
    expect(loadError({ SESSION_MAX_AGE_HOURS: "0" }).variable).toBe("SESSION_MAX_AGE_HOURS");
    expect(loadError({ SESSION_MAX_AGE_HOURS: "forever" }).variable).toBe("SESSION_MAX_AGE_HOURS");
  });

  it("covers the production server and the signup tunables with the same schema", () => {
    const env = loadServerEnv({}, { secretsFile });
    expect(env).toMatchObject({ PORT: 3000, TRUSTED_PROXY_HOPS: 0, INTAKE_DIRECT_PATH: true });
    expect(env.HOST).toBeUndefined();
    expect(env).toMatchObject({ SIGNUP_RATE_LIMIT_POINTS: 20, SYNC_BATCH_SIZE: 100, HUBSPOT_REQUEST_TIMEOUT_MS: 10_000 });
    expect(loadServerEnv({ PORT: "8080", SYNC_BATCH_SIZE: "50" }, { secretsFile })).toMatchObject({ PORT: 8080, SYNC_BATCH_SIZE: 50 });
    expect(loadError({ PORT: "eighty" }).message).toMatch(/^Invalid configuration: PORT /);
    expect(loadError({ INTAKE_DIRECT_PATH: "maybe" }).message).toMatch(/^Invalid configuration: INTAKE_DIRECT_PATH must be true or false/);
    expect(loadError({ TRUSTED_PROXY_HOPS: "-1" }).variable).toBe("TRUSTED_PROXY_HOPS");
    expect(loadError({ SYNC_BATCH_SIZE: "500" }).variable).toBe("SYNC_BATCH_SIZE");
    expect(loadError({ SIGNUP_RATE_LIMIT_POINTS: "lots" }).message).toMatch(
      /^Invalid configuration: SIGNUP_RATE_LIMIT_POINTS must be a whole number/,
    );
  });

  it("reads ALLOWED_HOSTS as a list of host names and refuses anything else", () => {
    expect(loadServerEnv({}, { secretsFile }).ALLOWED_HOSTS).toEqual([]);
    expect(loadServerEnv({ ALLOWED_HOSTS: " 10.0.0.5, Switchboard.Internal ,[::1]" }, { secretsFile }).ALLOWED_HOSTS).toEqual([
      "10.0.0.5",
      "Switchboard.Internal",
      "[::1]",
    ]);
    expect(loadError({ ALLOWED_HOSTS: "https://example.com/" }).variable).toBe("ALLOWED_HOSTS");
    expect(loadError({ ALLOWED_HOSTS: "a b" }).variable).toBe("ALLOWED_HOSTS");
  });

  it("accepts supplied secrets in production", () => {
    const secrets = productionSecrets();
    const env = loadServerEnv(secrets, { secretsFile });
    expect(env.AUTH_SECRET).toBe(secrets.AUTH_SECRET);
    expect(env.usesGeneratedSecrets).toBe(false);
    expect(env.AUTH_TRUST_HOST).toBe(false);
  });
});

describe("secrets in production", () => {
  it.each(["AUTH_SECRET", "TOKEN_ENCRYPTION_KEYS"] as const)("refuses a missing %s with one line naming it", (name) => {
    const source: Record<string, string | undefined> = { ...productionSecrets(), [name]: undefined };
    const error = loadError(source);
    expect(error.variable).toBe(name);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain("\n");
  });

  it.each([
    ["AUTH_SECRET", "too-short"],
    ["TOKEN_ENCRYPTION_KEYS", "k1:c2hvcnQ="],
    ["TOKEN_ENCRYPTION_KEYS", "no-separator"],
    ["TOKEN_ENCRYPTION_KEYS", `${generateTokenEncryptionKeys("k1")},${generateTokenEncryptionKeys("k1")}`],
  ] as const)("refuses a malformed %s (%s) without echoing it", (name, value) => {
    const error = loadError({ ...productionSecrets(), [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain(value);
  });

  it("never generates secrets in production", () => {
    loadError({ NODE_ENV: "production" });
    expect(() => loadServerEnv({ NODE_ENV: "production" }, { secretsFile })).toThrow(/AUTH_SECRET/);
  });
});

describe("generated development secrets", () => {
  it("are created once, persisted and reused", () => {
    const first = loadServerEnv({}, { secretsFile });
    const second = loadServerEnv({ NODE_ENV: "test" }, { secretsFile });
    expect(first.usesGeneratedSecrets).toBe(true);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.TOKEN_ENCRYPTION_KEYS).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.TOKEN_ENCRYPTION_KEYS).toBe(first.TOKEN_ENCRYPTION_KEYS);
  });

  it("cover the demo even though it runs a production build", () => {
    const env = loadServerEnv({ NODE_ENV: "production", DEMO_MODE: "true" }, { secretsFile });
    expect(env.usesGeneratedSecrets).toBe(true);
    expect(env.AUTH_TRUST_HOST).toBe(true);
  });

  it("only fill the gaps: a supplied secret wins", () => {
    const authSecret = generateAuthSecret();
    const env = loadServerEnv({ AUTH_SECRET: authSecret }, { secretsFile });
    expect(env.AUTH_SECRET).toBe(authSecret);
    expect(env.TOKEN_ENCRYPTION_KEYS).toMatch(/^k1:/);
  });
});
