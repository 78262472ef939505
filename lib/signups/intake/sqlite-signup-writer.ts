// Intake's write on SQLite: one prepared INSERT on a connection of its own, committed before the
// caller is answered. It skips Prisma on purpose: at intake rates Prisma's per-query work (query
// planning in WebAssembly, result mapping) cost more CPU than SQLite itself, and intake is the one
// path that must keep up with a traffic spike. Everything else about signups still goes through Prisma.
import Database from "better-sqlite3";
import type { NewSignupRow, NewSignupWriter } from "./record-signup";

// How long a write may wait for the database lock in total (another process, or this process's
// Prisma connection mid-transaction) before the signup is refused with a retryable error.
const LOCK_WAIT_LIMIT_MS = 5_000;
const FIRST_RETRY_MS = 1;
const LONGEST_RETRY_MS = 50;

const INSERT_SQL = `
  INSERT INTO "Signup" ("id", "tenantId", "email", "emailNormalized", "firstName", "consentGiven", "consentText",
                        "status", "confirmationTokenHash", "confirmationSentAt", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
  VALUES (@id, @tenantId, @email, @emailNormalized, @firstName, @consentGiven, @consentText,
          @status, @confirmationTokenHash, @confirmationSentAt, 0, @now, @now, @now)
  ON CONFLICT ("tenantId", "emailNormalized") DO NOTHING
  RETURNING "id"`;

export function createSqliteSignupWriter(filePath: string, { lockWaitLimitMs = LOCK_WAIT_LIMIT_MS } = {}): NewSignupWriter {
  // timeout 0: a locked database must not block the event loop inside SQLite's busy handler. When
  // the lock holder is this process's own Prisma connection mid-transaction, a blocking wait could
  // never end (that transaction needs the event loop to finish); we wait asynchronously instead.
  const connection = new Database(filePath, { timeout: 0 });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  const insert = connection.prepare<InsertParameters, { id: string }>(INSERT_SQL);

  return async (row) => {
    const parameters: InsertParameters = {
      ...row,
      consentGiven: row.consentGiven ? 1 : 0,
      confirmationSentAt: row.confirmationSentAt ? prismaSqliteTimestamp(row.confirmationSentAt) : null,
      now: prismaSqliteTimestamp(new Date()),
    };
    const giveUpAt = Date.now() + lockWaitLimitMs;
    for (let delayMs = FIRST_RETRY_MS; ; delayMs = Math.min(delayMs * 2, LONGEST_RETRY_MS)) {
      try {
        const inserted = insert.get(parameters);
        return inserted ? { id: inserted.id } : null;
      } catch (error) {
        if (!isBusy(error) || Date.now() + delayMs > giveUpAt) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  };
}

type InsertParameters = Omit<NewSignupRow, "consentGiven" | "confirmationSentAt"> & { consentGiven: 0 | 1; confirmationSentAt: string | null; now: string };

/** The text form Prisma's SQLite adapter stores DateTime in, so Prisma reads these rows back unchanged. */
export function prismaSqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
