// Configuration for the in-process parts of the bench (sync engine, connections code), pointed
// at a loopback simulator and a throwaway database. Must run before the first serverEnv() call.
import { randomBytes } from "node:crypto";

export function configureBenchEnv(simulatorUrl: string, databaseUrl: string): Record<string, string> {
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3000",
    HUBSPOT_CLIENT_ID: "switchboard-local",
    HUBSPOT_CLIENT_SECRET: "switchboard-local-secret",
    HUBSPOT_AUTH_BASE_URL: simulatorUrl,
    HUBSPOT_API_BASE_URL: simulatorUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    SYNC_IN_PROCESS: "false",
    LOG_LEVEL: "error",
  };
  Object.assign(process.env, env);
  return env;
}
