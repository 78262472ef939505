// What the connection flows need from the outside world, passed explicitly so tests can run them
// against a real database and the simulator without a Next request or process-wide config.
import { activeKeyRing } from "@/lib/crypto/active-key-ring";
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { IntegrationProvider } from "./provider";
import { providerFromEnv } from "./registry";

export type IntegrationServices = {
  keyRing: KeyRing;
  provider: (providerId: string) => IntegrationProvider;
};

export function defaultIntegrationServices(): IntegrationServices {
  return { keyRing: activeKeyRing(), provider: providerFromEnv };
}
