import { simulatorOptionsFromEnv } from "./env";
import { startSimulator } from "./server";

// CLI entry: `npm run hubspot:sim`. Configuration comes from HUBSPOT_SIM_* (see simulator/README.md).

async function main(): Promise<void> {
  let options;
  try {
    options = simulatorOptionsFromEnv(process.env);
  } catch (error) {
    console.error(`[hubspot-sim] ${(error as Error).message}`);
    process.exit(1);
  }
  const sim = await startSimulator(options);
  const config = sim.config();
  console.log(`[hubspot-sim] listening on ${sim.url}`);
  console.log(`[hubspot-sim] client_id=${config.clientId} redirect_uris=${config.redirectUris.join(",")}`);
  const listed = config.portals
    .slice(0, 10)
    .map((portal) => `${portal.id} (${portal.hubDomain})`)
    .join(", ");
  const more = config.portals.length > 10 ? ` and ${config.portals.length - 10} more` : "";
  console.log(`[hubspot-sim] portals: ${listed}${more}${config.createPortalsOnDemand ? " (others created on demand)" : ""}`);

  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`[hubspot-sim] failed to start: ${(error as Error).message}`);
  process.exit(1);
});
