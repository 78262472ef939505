// The idle wait of a polling worker loop (the signup sync, webhook deliveries): sleep until the next
// poll, or until stop() wakes every waiter at once so the loop can end without waiting out a poll.
// The timer is referenced on purpose: in `npm run worker` it is all that keeps an idle process alive.
export interface IdleWaits {
  wait(ms: number): Promise<void>;
  wakeAll(): void;
}

export function idleWaits(): IdleWaits {
  const wakers = new Set<() => void>();
  return {
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
      }),
    wakeAll: () => {
      for (const wake of [...wakers]) wake();
    },
  };
}
