import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestListener } from "./app";
import { resolveConfig, type SimulatorConfig, type SimulatorOptions } from "./config";
import type { Contact } from "./state/contact-store";
import { SimulatorState } from "./state/simulator-state";

export type { SimulatorOptions } from "./config";

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:4010 — use as the SDK's basePath and as the auth base URL. */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
  /** In-process shortcuts; tests should prefer the HTTP control API under /_sim/. */
  reset(): void;
  config(): SimulatorConfig;
  contacts(portalId: number): readonly Contact[];
}

/** Starts a simulator; `port: 0` (the default here) picks a free port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const { host, port, ...config } = resolveConfig(options);
  const state = new SimulatorState(config);
  const server = createServer({ keepAliveTimeout: 5_000 }, createRequestListener(state, host));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    host: address.address,
    reset: () => state.reset(),
    config: () => state.config,
    contacts: (portalId) => state.contacts.list(portalId),
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.releaseHanging();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
