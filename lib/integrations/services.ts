// What the connection flows need from the outside world, passed explicitly so tests can run them
// against a real database and the simulator without a Next request or process-wide config.
import { activeKeyRing } from "@/lib/crypto/active-key-ring";
import type { KeyRing } from "@/lib/crypto/key-ring";
import { serverEnv } from "@/lib/env/server";
import type { HealthPolicy } from "./connection-status";
import type { IntegrationProvider } from "./provider";
import { providerFromEnv } from "./registry";

export type IntegrationServices = {
  keyRing: KeyRing;
  provider: (providerId: string) => IntegrationProvider;
  /** When a failing connection is reported Degraded (CONNECTION_DEGRADED_AFTER_*). */
  health: HealthPolicy;
};

export function defaultIntegrationServices(): IntegrationServices {
  const env = serverEnv();
  return {
    keyRing: activeKeyRing(),
    provider: providerFromEnv,
    health: { degradedAfterFailures: env.CONNECTION_DEGRADED_AFTER_FAILURES, degradedAfterMs: env.CONNECTION_DEGRADED_AFTER_MINUTES * 60_000 },
  };
}
