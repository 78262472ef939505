// The loop of a polling worker (the signup sync, webhook deliveries): several loops at once, each
// running passes back to back while they find work and sleeping a poll when idle; a failed pass is
// logged and the loop goes on (claims expire on their own if a worker lost track). stop() wakes every
// sleeper at once and resolves when each loop's pass in flight has ended. The idle timer is
// referenced on purpose: in `npm run worker` it is all that keeps an idle process alive.
import { log } from "@/lib/log";

export type PollingLoops = { stop(): Promise<void> };

export type PollingLoopOptions = {
  /** How many loops run side by side. */
  loops: number;
  /** One pass of loop `index`; true when it found work (then the next pass starts at once). */
  pass(index: number): Promise<boolean>;
  idlePollMs: number;
  /** Named in the log line of a failed pass, with its fields. */
  failure: { message: string; fields: Record<string, unknown> };
};

export function startPollingLoops({ loops, pass, idlePollMs, failure }: PollingLoopOptions): PollingLoops {
  let stopping = false;
  const wakers = new Set<() => void>();
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  const loop = async (index: number) => {
    while (!stopping) {
      let busy = false;
      try {
        busy = await pass(index);
      } catch (error) {
        log.error(failure.message, { ...failure.fields, error });
      }
      if (!busy && !stopping) await idle(idlePollMs);
    }
  };
  const running = Promise.all(Array.from({ length: loops }, (_, index) => loop(index)));
  return {
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await running;
    },
  };
}
