// The sync's units of work on SQLite are synchronous; takeTurn must hand the event loop back
// between any two of them, so timers and requests of the same process (the intake) keep running.
import { describe, expect, it } from "vitest";
import { takeTurn } from "@switchboard/lib/signups/sync/event-loop-turns";

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a synchronous statement standing in for better-sqlite3
  }
}

describe("takeTurn", () => {
  it("lets timers run between units of work queued together", async () => {
    const timerRuns: number[] = [];
    const timer = setInterval(() => timerRuns.push(performance.now()), 1);
    const started = performance.now();
    // Twenty units of 5 ms each, all waiting at once, as a pass's tenants do.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        await takeTurn();
        busy(5);
      }),
    );
    clearInterval(timer);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(100);
    // Whatever the exact count, the loop was never held for the whole 100 ms: timers fired
    // throughout, and no gap between two timer runs came near the total.
    expect(timerRuns.length).toBeGreaterThanOrEqual(5);
    const gaps = timerRuns.slice(1).map((at, index) => at - timerRuns[index]!);
    expect(Math.max(...gaps)).toBeLessThan(50);
  });

  it("resolves every waiter, in order", async () => {
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (index) => {
        await takeTurn();
        order.push(index);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
  });
});
