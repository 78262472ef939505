// Statements on the hot-path SQLite connection (timeout 0) never block the event loop on a lock: a
// locked statement is retried asynchronously, up to `limitMs` in all, then its SQLITE_BUSY is thrown.
// (A blocking wait could never end when the lock holder is this process's own Prisma connection
// mid-transaction: that transaction needs the event loop to finish.)
export const LOCK_WAIT_LIMIT_MS = 5_000;
const FIRST_RETRY_MS = 1;
const LONGEST_RETRY_MS = 50;

export async function withLockRetries<T>(limitMs: number, statement: () => T): Promise<T> {
  const giveUpAt = Date.now() + limitMs;
  for (let delayMs = FIRST_RETRY_MS; ; delayMs = Math.min(delayMs * 2, LONGEST_RETRY_MS)) {
    try {
      return statement();
    } catch (error) {
      if (!isBusy(error) || Date.now() + delayMs > giveUpAt) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
