// Points the app's configuration at a test simulator and database. Must run before the first
// serverEnv() call of the test file (the configuration is validated once and cached).
import { randomBytes } from "node:crypto";

export function configureSignupTestEnv(simulatorUrl: string, databaseUrl: string): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3000",
    HUBSPOT_CLIENT_ID: "switchboard-local",
    HUBSPOT_CLIENT_SECRET: "switchboard-local-secret",
    HUBSPOT_AUTH_BASE_URL: simulatorUrl,
    HUBSPOT_API_BASE_URL: simulatorUrl,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64")}`,
    SYNC_IN_PROCESS: "false",
    LOG_LEVEL: "error",
  });
}
