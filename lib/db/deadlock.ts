// PostgreSQL's answer when two statements wait on each other's rows (40P01, "deadlock detected"):
// it aborts one of them, which changed nothing and may simply run again. Statements that write
// several portals' rows at once in whatever order their plan visits them retry on it.
const DEADLOCK_RETRIES = 3;

/** Whether a raw query failed for a deadlock (Prisma's P2010 with PostgreSQL's code 40P01). */
export function isDeadlock(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  return code === "P2010" && (meta?.code === "40P01" || (typeof message === "string" && message.includes("40P01")));
}

/** Runs a single self-contained statement, again when PostgreSQL aborted it for a deadlock. */
export async function retryingDeadlocks<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (attempt > DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
    }
  }
}
