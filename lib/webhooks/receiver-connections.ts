// Keep-alive connections to webhook receivers, one pool per delivery worker: a TCP (and TLS)
// handshake per delivery cost more than everything else a delivery does. Pooled by the address the
// URL check approved for that very delivery (endpoint-url.ts), so a reused connection always leads
// where the check just allowed — pooling never reaches an address checked earlier (DNS rebinding).
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

export type ReceiverConnections = {
  /** The keep-alive agent for this URL's origin at this approved address. */
  agentFor(url: URL, address: string): HttpAgent;
  /** Ends every pooled connection (the worker stopping). */
  close(): void;
};

// Enough receivers for a busy platform; past it, the longest unused pool with nothing in flight goes.
const MAX_POOLS = 500;
// Idle connections kept per receiver; in-flight ones are not limited (each delivery still gets one).
const IDLE_SOCKETS_PER_RECEIVER = 8;
const IDLE_MS = 15_000;

export function receiverConnections(): ReceiverConnections {
  const agents = new Map<string, HttpAgent>();
  return {
    agentFor(url, address) {
      const key = `${url.protocol}//${url.host}@${address}`;
      const pooled = agents.get(key);
      if (pooled) {
        // Most recently used last, so eviction below finds the least recently used first.
        agents.delete(key);
        agents.set(key, pooled);
        return pooled;
      }
      if (agents.size >= MAX_POOLS) evictIdle(agents);
      const options = { keepAlive: true, maxFreeSockets: IDLE_SOCKETS_PER_RECEIVER, timeout: IDLE_MS, scheduling: "lifo" as const };
      const agent = url.protocol === "https:" ? new HttpsAgent(options) : new HttpAgent(options);
      agents.set(key, agent);
      return agent;
    },
    close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}

function evictIdle(agents: Map<string, HttpAgent>): void {
  for (const [key, agent] of agents) {
    if (Object.values(agent.sockets).some((sockets) => sockets && sockets.length > 0)) continue;
    agent.destroy();
    agents.delete(key);
    return;
  }
}
