import type { ServerResponse } from "node:http";
import type { SimulatorConfig } from "../config";
import { FaultInjector } from "../faults";
import { RollingRateLimiter } from "../rate-limit";
import { ContactStore } from "./contact-store";
import { RequestLog } from "./request-log";
import { TokenStore } from "./token-store";

// Everything the simulator remembers, in one object so `POST /_sim/reset` can wipe it at once.

export class SimulatorState {
  config: SimulatorConfig;
  readonly tokens = new TokenStore();
  readonly contacts = new ContactStore();
  readonly requests = new RequestLog();
  readonly faults = new FaultInjector();
  readonly rateLimiter = new RollingRateLimiter();
  /** Responses held open by a "hang" fault; released (destroyed) on reset and close. */
  readonly hanging = new Set<ServerResponse>();

  constructor(private readonly initialConfig: SimulatorConfig) {
    this.config = structuredClone(initialConfig);
  }

  portal(portalId: number) {
    return this.config.portals.find((portal) => portal.id === portalId);
  }

  reset(): void {
    this.config = structuredClone(this.initialConfig);
    this.tokens.clear();
    this.contacts.clear();
    this.requests.clear();
    this.faults.clear();
    this.rateLimiter.clear();
    this.releaseHanging();
  }

  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }
}
