// What the connection flows need from the outside world, passed explicitly so tests can run them
// against a real database and the simulator without a Next request or process-wide config. The
// composition root (lib/runtime) builds the process's one set.
import type { KeyRing } from "@/lib/crypto/key-ring";
import type { IntegrationProvider } from "./provider";
import { processRuntime } from "@/lib/runtime/process-runtime";

export type IntegrationServices = {
  keyRing: KeyRing;
  provider: (providerId: string) => IntegrationProvider;
};

/** The process runtime's services, for callers not yet handed theirs by the composition root. */
export function defaultIntegrationServices(): IntegrationServices {
  return processRuntime().integrations;
}
