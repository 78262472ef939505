// Points the app's configuration at a local simulator and a throwaway database, with fresh secrets.
// Must run before the first serverEnv() call of the process (configuration is validated once and
// cached). Used by the sync tests and the benchmarks, which run our code in-process.
import { configureApp } from "./app-env";

export function configureAppForSimulator(simulatorUrl: string, databaseUrl: string, extra: Record<string, string> = {}): void {
  configureApp(databaseUrl, {
    HUBSPOT_CLIENT_ID: "switchboard-local",
    HUBSPOT_CLIENT_SECRET: "switchboard-local-secret",
    HUBSPOT_AUTH_BASE_URL: simulatorUrl,
    HUBSPOT_API_BASE_URL: simulatorUrl,
    ...extra,
  });
}
