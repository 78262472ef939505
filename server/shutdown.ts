// Stopping `npm start` cleanly: take no new requests, let the in-process signup sync finish writing
// the outcome of any batch in flight (otherwise its rows sit claimed until their lease expires and
// are then sent again), close Next — all within a grace period, after which we stop regardless.
import type { Server } from "node:http";

export interface ShutdownParts {
  server: Server;
  /** Resolves once the in-process sync (if any) has stopped. */
  stopSync: () => Promise<void>;
  closeNext: () => Promise<void>;
  graceMs: number;
}

/** Resolves true when everything stopped in time, false when the grace period ran out first. */
export async function shutDown({ server, stopSync, closeNext, graceMs }: ShutdownParts): Promise<boolean> {
  server.close();
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
  const stopped = (async () => {
    await stopSync();
    await closeNext();
    return true as const;
  })();
  try {
    return await Promise.race([stopped, graceOver]);
  } finally {
    clearTimeout(timer);
  }
}
