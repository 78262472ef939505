// Takes turns on the event loop, one waiter per loop iteration. On SQLite every statement runs
// synchronously and Prisma hands results on through promises, so awaited statements never give the
// loop a turn by themselves; a setImmediate each is not enough either, because all immediates queued
// together run back to back in one check phase. Measured in-process with 50 portals: stalls of
// 0.3–1.7 s, during which the intake in the same process answered nobody. With one turn per
// iteration, timers and incoming requests run between any two units of sync work.
const waiting: (() => void)[] = [];
let pumping = false;

export function takeTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

function pump(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(pump);
  else pumping = false;
}
