// Child process for the cross-process refresh test: waits for "go" on stdin, then fires N
// concurrent getValidAccessToken calls and prints the distinct tokens it got (as SHA-256 only).
import { DEFAULT_HEALTH_POLICY } from "@switchboard/lib/integrations/connection-status";
import { createHash } from "node:crypto";
import { createDbClient } from "@switchboard/lib/db/create-client";
import { parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { createHubspotProvider } from "@switchboard/lib/integrations/hubspot/provider";
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";

const input = JSON.parse(process.env.TOKEN_BURST_INPUT ?? "{}") as {
  databaseUrl: string;
  connectionId: string;
  calls: number;
  keyRing: string;
  config: HubspotConfig;
};

async function main() {
  const db = createDbClient(input.databaseUrl);
  const provider = createHubspotProvider(input.config);
  const services = { keyRing: parseKeyRing(input.keyRing), provider: () => provider, health: DEFAULT_HEALTH_POLICY };
  await db.connection.count(); // open the connection before the race starts
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const results = await Promise.allSettled(
    Array.from({ length: input.calls }, () => getValidAccessToken(db, input.connectionId, services)),
  );
  const hashes = new Set<string>();
  let failures = 0;
  for (const result of results) {
    if (result.status === "fulfilled") hashes.add(createHash("sha256").update(result.value).digest("hex"));
    else failures++;
  }
  process.stdout.write(`${JSON.stringify({ hashes: [...hashes], failures })}\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
