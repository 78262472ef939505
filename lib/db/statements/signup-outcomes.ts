// The sync's outcome statements: a batch's results written back to the claimed signup rows, each
// write conditional on the worker still holding the claim, with the webhook events announcing them
// committed in the same step. What an outcome means (synced, failed, retried when, given up) is
// decided by lib/signups/sync/record-outcomes.ts; this file only writes it.
import { Prisma } from "../generated/sqlite/client";
import type { Store } from "../store";
import { insertWebhookEventsSql, receivableAmongSql, type OutboxRow, type Unannounced } from "./outbox";

/** HubSpot's answer per row: SYNCED with a contact id, or FAILED with HubSpot's reason; `connectionId`: the portal it went to. */
export type AnsweredSignup = {
  id: string;
  connectionId: string;
  status: "SYNCED" | "FAILED";
  contactId: string | null;
  lastError: string | null;
};

/**
 * Events to write with an outcome, each keyed (OutboxRow.key) by the signup it announces, and the
 * kinds of event the writer left out for want of an endpoint (re-checked by the statement).
 */
export type OutcomeEvents = { rows: readonly OutboxRow[]; unannounced?: readonly Unannounced[] };

/** false: an endpoint now receives a kind of event left out, and nothing was written (write again with the events). */
export type Written = boolean;

/** The answers of many calls (to many portals) in one statement, with their events. */
export async function writeAnsweredSignups(
  store: Store,
  workerId: string,
  rows: readonly AnsweredSignup[],
  events: OutcomeEvents,
  now: Date,
): Promise<Written> {
  if (rows.length === 0) return true;
  const { dialect } = store;
  const outcomes = dialect.jsonRows(
    ["id", "connectionId", "status", "contactId", "lastError"],
    rows.map((row) => [row.id, row.connectionId, row.status, row.contactId, row.lastError]),
  );
  // By primary key whatever SQLite's statistics say (dialect.byPrimaryKey), here and below.
  const update = Prisma.sql`UPDATE "Signup" ${dialect.byPrimaryKey("Signup")} SET
      "status" = ${dialect.asEnum(Prisma.sql`o."status"`, "SignupStatus")},
      "hubspotContactId" = COALESCE(o."contactId", "Signup"."hubspotContactId"),
      "syncedAt" = CASE WHEN o."contactId" IS NULL THEN "Signup"."syncedAt" ELSE ${now} END,
      "lastError" = o."lastError", "connectionId" = o."connectionId", "attempts" = "Signup"."attempts" + 1,
      "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${now}
    FROM ${outcomes} AS o
    WHERE "Signup"."id" = o."id" AND "Signup"."claimedBy" = ${workerId}`;
  return writeWithEvents(store, workerId, update, events, now);
}

/** A transient failure per row: counted, and either retried at `nextAttemptAt` or given up (FAILED) with its own message. */
export type RetriedSignups = {
  ids: readonly string[];
  lastError: string;
  givenUp: readonly { id: string; lastError: string }[];
  retried: readonly { id: string; nextAttemptAt: Date }[];
};

export async function writeRetriedSignups(
  store: Store,
  workerId: string,
  rows: RetriedSignups,
  events: OutcomeEvents,
  now: Date,
): Promise<Written> {
  if (rows.ids.length === 0) return true;
  const { givenUp, retried } = rows;
  const update = Prisma.sql`UPDATE "Signup" ${store.dialect.byPrimaryKey("Signup")} SET
      ${givenUp.length === 0 ? Prisma.empty : Prisma.sql`"status" = CASE WHEN "id" IN (${Prisma.join(givenUp.map((row) => row.id))}) THEN 'FAILED' ELSE "status" END,`}
      "lastError" = ${
        givenUp.length === 0
          ? rows.lastError
          : Prisma.sql`CASE "id" ${Prisma.join(
              givenUp.map((row) => Prisma.sql`WHEN ${row.id} THEN ${row.lastError}`),
              " ",
            )} ELSE ${rows.lastError} END`
      },
      ${
        retried.length === 0
          ? Prisma.empty
          : Prisma.sql`"nextAttemptAt" = CASE "id" ${Prisma.join(
              retried.map((row) => Prisma.sql`WHEN ${row.id} THEN ${row.nextAttemptAt}`),
              " ",
            )} ELSE "nextAttemptAt" END,`
      }
      "attempts" = "attempts" + 1, "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ${now}
    WHERE "claimedBy" = ${workerId} AND "id" IN (${Prisma.join(rows.ids)})`;
  return writeWithEvents(store, workerId, update, events, now);
}

/** Hands rows back uncounted, due again at `nextAttemptAt`; lastError null keeps each row's own. */
export async function releaseSignupClaims(
  store: Store,
  workerId: string,
  ids: readonly string[],
  nextAttemptAt: Date,
  lastError: string | null,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await store.db.$executeRaw`UPDATE "Signup" ${store.dialect.byPrimaryKey("Signup")} SET "claimedBy" = NULL, "claimedUntil" = NULL,
      "nextAttemptAt" = ${nextAttemptAt}, "lastError" = ${lastError === null ? Prisma.sql`"lastError"` : lastError}, "updatedAt" = ${now}
    WHERE "claimedBy" = ${workerId} AND "id" IN (${Prisma.join(ids)})`;
}

// The outcome and its events commit together: on PostgreSQL as one statement (a data-modifying
// WITH runs to completion whether or not it is read), on SQLite as one transaction. Only the rows
// this worker still held are announced: a signup whose claim lapsed (a stalled worker) is another
// worker's by now, and that worker announces it once. Both write nothing when a kind of event the
// writer left out has an endpoint by now (receivableAmongSql), checked in the same snapshot.
async function writeWithEvents(store: Store, workerId: string, update: Prisma.Sql, events: OutcomeEvents, now: Date): Promise<Written> {
  const { db, dialect } = store;
  const unannounced = events.unannounced ?? [];
  if (events.rows.length === 0 && unannounced.length === 0) {
    await db.$executeRaw(update);
    return true;
  }
  const missed = receivableAmongSql(dialect, unannounced);
  if (dialect.kind === "postgresql") {
    const insert =
      events.rows.length === 0
        ? Prisma.empty
        : Prisma.sql`, "events" AS (${insertWebhookEventsSql(dialect, events.rows, now, Prisma.sql`e."key" IN (SELECT "id" FROM "outcomes")`)})`;
    const [result] = await db.$queryRaw<{ missed: boolean }[]>`
      WITH "outcomes" AS (${update} AND NOT ${missed} RETURNING "Signup"."id")${insert} SELECT ${missed} AS "missed"`;
    return !result?.missed;
  }
  // The events first, while the claim is still on the rows; SQLite's one writer keeps the
  // statements from seeing different rows.
  const check = db.$queryRaw<{ missed: number | boolean }[]>`SELECT ${missed} AS "missed"`;
  const write = db.$executeRaw`${update} AND NOT ${missed}`;
  const keep = Prisma.sql`EXISTS (SELECT 1 FROM "Signup" s WHERE s."id" = e."key" AND s."claimedBy" = ${workerId}) AND NOT ${missed}`;
  const [[result]] = await (events.rows.length === 0
    ? db.$transaction([check, write])
    : db.$transaction([check, db.$executeRaw(insertWebhookEventsSql(dialect, events.rows, now, keep)), write]));
  return !result?.missed;
}
