// The sync's outcome statements: a batch's results written back to the claimed signup rows, each
// write conditional on the worker still holding the claim, with the webhook events announcing them
// committed in the same step. What an outcome means (synced, failed, retried when, given up) is
// decided by lib/signups/sync/record-outcomes.ts; this file only writes it.
import { Prisma } from "../generated/sqlite/client";
import type { Store } from "../store";
import { insertWebhookEventsSql, type OutboxRow } from "./outbox";

/** HubSpot's answer per row: SYNCED with a contact id, or FAILED with HubSpot's reason; `connectionId`: the portal it went to. */
export type AnsweredSignup = {
  id: string;
  connectionId: string;
  status: "SYNCED" | "FAILED";
  contactId: string | null;
  lastError: string | null;
};

/** Events to write with an outcome, each keyed (OutboxRow.key) by the signup it announces. */
export type KeyedEvents = readonly OutboxRow[];

/** The answers of many calls (to many portals) in one statement, with their events. */
export async function writeAnsweredSignups(
  store: Store,
  workerId: string,
  rows: readonly AnsweredSignup[],
  events: KeyedEvents,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
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
  await writeWithEvents(store, workerId, update, events, now);
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
  events: KeyedEvents,
  now: Date,
): Promise<void> {
  if (rows.ids.length === 0) return;
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
  await writeWithEvents(store, workerId, update, events, now);
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
// WITH runs to completion whether or not it is read), on SQLite as one transaction of two. Only
// the rows this worker still held are announced: a signup whose claim lapsed (a stalled worker)
// is another worker's by now, and that worker announces it once.
async function writeWithEvents(store: Store, workerId: string, update: Prisma.Sql, events: KeyedEvents, now: Date): Promise<void> {
  const { db, dialect } = store;
  if (events.length === 0) {
    await db.$executeRaw(update);
    return;
  }
  if (dialect.kind === "postgresql") {
    const insert = insertWebhookEventsSql(dialect, events, now, Prisma.sql`e."key" IN (SELECT "id" FROM "outcomes")`);
    await db.$executeRaw`WITH "outcomes" AS (${update} RETURNING "Signup"."id"), "events" AS (${insert}) SELECT 1`;
    return;
  }
  // The events first, while the claim is still on the rows; SQLite's one writer keeps the two
  // statements from seeing different rows.
  const insert = insertWebhookEventsSql(
    dialect,
    events,
    now,
    Prisma.sql`EXISTS (SELECT 1 FROM "Signup" s WHERE s."id" = e."key" AND s."claimedBy" = ${workerId})`,
  );
  await db.$transaction([db.$executeRaw(insert), db.$executeRaw(update)]);
}
