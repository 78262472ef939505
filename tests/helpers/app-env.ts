// Points the app's configuration at a throwaway database, with fresh secrets. Must run before the
// first serverEnv() call of the process (configuration is validated once and cached).
import { randomBytes } from "node:crypto";

export function configureApp(databaseUrl: string, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    APP_URL: "http://localhost:3000",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEYS: `local:${randomBytes(32).toString("base64")}`,
    SYNC_IN_PROCESS: "false",
    LOG_LEVEL: "error",
    ...extra,
  });
}
