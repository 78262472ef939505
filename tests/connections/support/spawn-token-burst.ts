// Starts token-burst-child.ts and lets the test release it at the moment of its choosing.
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";
import { spawnReleasableChild } from "@/tests/helpers/releasable-child";

export type BurstResult = { hashes: string[]; failures: number };

export function spawnTokenBurst(input: {
  databaseUrl: string;
  connectionId: string;
  calls: number;
  keyRing: string;
  config: HubspotConfig;
}): Promise<{ go(): void; result: Promise<BurstResult> }> {
  return spawnReleasableChild<BurstResult>(new URL("./token-burst-child.ts", import.meta.url), {
    TOKEN_BURST_INPUT: JSON.stringify(input),
  });
}
