// Hot-path statements: prepared once per store on its own SQLite connection (better-sqlite3), run
// without Prisma — at intake and token rates Prisma's per-query work (query planning in WebAssembly,
// result mapping) cost more CPU than SQLite itself. Each returns null where the database has no such
// path (PostgreSQL): callers then use Prisma, which batches there (group commit).
// Writes never block the event loop on a lock (sqlite-lock-wait.ts): after `lockWaitLimitMs` of
// waiting they throw SQLITE_BUSY.
import { prismaSqliteTimestamp } from "../dialect";
import { newRowId } from "../row-id";
import type { Store } from "../store";
import { LOCK_WAIT_LIMIT_MS, withLockRetries } from "./sqlite-lock-wait";

export type NewSignupValues = {
  id: string;
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  /** The tenant's optional form fields (lib/signups/fields), null when not answered. */
  lastName: string | null;
  company: string | null;
  freeText: string | null;
  consentGiven: boolean;
  consentText: string;
  /** Where it came from: form, api or agent. */
  source: "form" | "api" | "agent";
  /** UNCONFIRMED (with the confirmation token's hash) for a tenant with double opt-in. */
  status: "PENDING" | "UNCONFIRMED";
  confirmationTokenHash: string | null;
  confirmationSentAt: Date | null;
};

const INSERT_SIGNUP = `
  INSERT INTO "Signup" ("id", "tenantId", "email", "emailNormalized", "firstName", "lastName", "company", "freeText", "consentGiven",
                        "consentText", "source", "status", "confirmationTokenHash", "confirmationSentAt", "attempts", "nextAttemptAt",
                        "createdAt", "updatedAt")
  VALUES (@id, @tenantId, @email, @emailNormalized, @firstName, @lastName, @company, @freeText, @consentGiven,
          @consentText, @source, @status, @confirmationTokenHash, @confirmationSentAt, 0, @now,
          @now, @now)
  ON CONFLICT ("tenantId", "emailNormalized") DO NOTHING
  RETURNING "id"`;

/** A new signup, committed on return; null when the tenant already has the address. */
export function preparedSignupInsert(
  store: Store,
  { lockWaitLimitMs = LOCK_WAIT_LIMIT_MS } = {},
): ((row: NewSignupValues) => Promise<{ id: string } | null>) | null {
  const connection = store.sqlite();
  if (!connection) return null;
  const insert = store.shared("hot-path:insert-signup", () => connection.prepare<Record<string, unknown>, { id: string }>(INSERT_SIGNUP));
  return (row) =>
    withLockRetries(lockWaitLimitMs, () => {
      const inserted = insert.get({
        ...row,
        consentGiven: row.consentGiven ? 1 : 0,
        confirmationSentAt: row.confirmationSentAt ? prismaSqliteTimestamp(row.confirmationSentAt) : null,
        now: prismaSqliteTimestamp(new Date()),
      });
      return inserted ? { id: inserted.id } : null;
    });
}

export type AuditValues = {
  tenantId: string;
  connectionId: string | null;
  subject: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: string;
  detail: string | null;
};

const INSERT_AUDIT = `
  INSERT INTO "AuditEvent" ("id", "tenantId", "connectionId", "subject", "actorUserId", "actorLabel", "action", "outcome", "detail", "createdAt")
  VALUES (@id, @tenantId, @connectionId, @subject, @actorUserId, @actorLabel, @action, @outcome, @detail, @createdAt)`;

/** Audit events, committed together in one transaction on return (or thrown: the caller decides what
 * unrecorded events mean). One commit for many rows is what makes auditing every token call cheap:
 * a commit writes each touched table and index page to the WAL again, whatever the number of rows. */
export function preparedAuditInsert(
  store: Store,
  { lockWaitLimitMs = LOCK_WAIT_LIMIT_MS } = {},
): ((events: AuditValues[]) => Promise<void>) | null {
  const connection = store.sqlite();
  if (!connection) return null;
  const insertAll = store.shared("hot-path:insert-audit", () => {
    const insert = connection.prepare(INSERT_AUDIT);
    return connection.transaction((rows: Record<string, unknown>[]) => {
      for (const row of rows) insert.run(row);
    });
  });
  return (events) => {
    const createdAt = prismaSqliteTimestamp(new Date());
    const rows = events.map((event) => ({ ...event, id: newRowId(), createdAt }));
    return withLockRetries(lockWaitLimitMs, () => insertAll(rows));
  };
}

export type TokenRowValues = {
  id: string;
  tenantId: string;
  provider: string;
  portalId: string;
  status: "CONNECTED" | "NEEDS_RECONNECT" | "DEGRADED";
  accessTokenCiphertext: string | null;
  refreshTokenCiphertext: string | null;
  accessTokenExpiresAt: Date | null;
  lastRefreshedAt: Date | null;
  consecutiveFailures: number;
  tokenVersion: number;
};

const SELECT_TOKEN_ROW = `
  SELECT "id", "tenantId", "provider", "portalId", "status", "accessTokenCiphertext", "refreshTokenCiphertext",
         "accessTokenExpiresAt", "lastRefreshedAt", "consecutiveFailures", "tokenVersion"
  FROM "Connection" WHERE "id" = ?`;

type RawTokenRow = Omit<TokenRowValues, "accessTokenExpiresAt" | "lastRefreshedAt"> & {
  accessTokenExpiresAt: string | number | null;
  lastRefreshedAt: string | number | null;
};

/** The slice of a Connection the token call reads (a read never waits on WAL writers). */
export function preparedTokenRowRead(store: Store): ((connectionId: string) => TokenRowValues | null) | null {
  const connection = store.sqlite();
  if (!connection) return null;
  const select = store.shared("hot-path:select-token-row", () => connection.prepare<[string], RawTokenRow>(SELECT_TOKEN_ROW));
  return (connectionId) => {
    const row = select.get(connectionId);
    if (!row) return null;
    return { ...row, accessTokenExpiresAt: dateOf(row.accessTokenExpiresAt), lastRefreshedAt: dateOf(row.lastRefreshedAt) };
  };
}

// Prisma's SQLite adapter stores DateTime as ISO text; older rows may hold epoch milliseconds.
function dateOf(value: string | number | null): Date | null {
  return value === null ? null : new Date(value);
}
