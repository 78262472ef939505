// One page of a tenant's signups, by keyset: newest first, or by email when searching a prefix.
// Each page is an index range that starts where the previous one ended, so page 10,000 costs what
// page 1 does. The cursor is opaque to callers and validated with zod when it comes back.
import { z } from "zod";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { shownStatus, type SignupStatusName } from "./signup-overview";
import { exceedsJsonNesting } from "@/lib/json/json-nesting";

export interface SignupListItem {
  id: string;
  email: string;
  firstName: string | null;
  /** Answers to the tenant's optional form fields. */
  lastName: string | null;
  company: string | null;
  freeText: string | null;
  status: SignupStatusName;
  createdAt: Date;
  syncedAt: Date | null;
  attempts: number;
  lastError: string | null;
  hubspotContactId: string | null;
  portalId: string | null;
  /** The newsletter subscription in HubSpot: SUBSCRIBED, OPTED_OUT (left untouched), FAILED; null = not yet. */
  subscriptionState: string | null;
  marketingContact: boolean | null;
  erased: boolean;
}

export const signupListQuerySchema = z.object({
  status: z.enum(["UNCONFIRMED", "PENDING", "SYNCED", "FAILED", "UNSUBSCRIBED"]).optional().catch(undefined),
  // Searched as typed, lower-cased like the stored normalized address.
  q: z
    .string()
    .trim()
    .toLowerCase()
    .max(320)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
  after: z.string().max(500).optional().catch(undefined),
});
export type SignupListQuery = { status?: SignupStatusName; q?: string; after?: string };

const cursorSchema = z.union([
  z.object({ c: z.iso.datetime(), i: z.string().min(1).max(64) }),
  z.object({ e: z.string().min(1).max(320) }),
]);
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor that does not parse starts from the first page rather than failing the view. */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const text = Buffer.from(raw, "base64url").toString("utf8");
    if (exceedsJsonNesting(text)) return undefined;
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// The dashboard's Pending is two stored statuses; each is its own index range, merged below.
const storedStatuses = {
  UNCONFIRMED: ["UNCONFIRMED"],
  PENDING: ["PENDING", "WAITING"],
  SYNCED: ["SYNCED"],
  FAILED: ["FAILED"],
  UNSUBSCRIBED: ["UNSUBSCRIBED"],
} as const;

const select = {
  id: true,
  email: true,
  emailNormalized: true,
  firstName: true,
  lastName: true,
  company: true,
  freeText: true,
  status: true,
  createdAt: true,
  syncedAt: true,
  attempts: true,
  lastError: true,
  hubspotContactId: true,
  connection: { select: { portalId: true } },
  subscriptionState: true,
  marketingContact: true,
  erasedAt: true,
} as const;

export async function listSignups(
  db: Db,
  tenantId: string,
  query: SignupListQuery,
  take = 50,
): Promise<{ items: SignupListItem[]; next: string | null }> {
  const cursor = decodeCursor(query.after);
  const byEmail = query.q !== undefined;
  const statuses = query.status ? storedStatuses[query.status] : [undefined];
  const ranges = await Promise.all(
    statuses.map((status) =>
      db.signup.findMany({
        where: { tenantId, ...(status ? { status } : {}), ...(byEmail ? emailRange(query.q!, cursor) : timeRange(cursor)) },
        orderBy: byEmail ? [{ emailNormalized: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
        take: take + 1,
        select,
      }),
    ),
  );
  const merged = ranges
    .flat()
    .sort(
      byEmail
        ? (a, b) => compare(a.emailNormalized, b.emailNormalized)
        : (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compare(b.id, a.id),
    );
  const page = merged.slice(0, take);
  const last = page[page.length - 1];
  const next =
    merged.length > take && last
      ? encodeCursor(byEmail ? { e: last.emailNormalized } : { c: last.createdAt.toISOString(), i: last.id })
      : null;
  return {
    items: page.map((row) => ({
      id: row.id,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      company: row.company,
      freeText: row.freeText,
      status: shownStatus(row.status),
      createdAt: row.createdAt,
      syncedAt: row.syncedAt,
      attempts: row.attempts,
      lastError: row.lastError,
      hubspotContactId: row.hubspotContactId,
      portalId: row.connection?.portalId ?? null,
      subscriptionState: row.subscriptionState,
      marketingContact: row.marketingContact,
      erased: row.erasedAt !== null,
    })),
    next,
  };
}

// Written as "≤ time, minus the rows of that same instant already shown" so it stays one index range.
function timeRange(cursor: Cursor | undefined): Prisma.SignupWhereInput {
  if (!cursor || !("c" in cursor)) return {};
  const at = new Date(cursor.c);
  return { createdAt: { lte: at }, NOT: { createdAt: at, id: { gte: cursor.i } } };
}

// A prefix as a range of the (tenantId, emailNormalized) unique index; LIKE would not use it on SQLite.
function emailRange(prefix: string, cursor: Cursor | undefined): Prisma.SignupWhereInput {
  const after = cursor && "e" in cursor && cursor.e >= prefix ? cursor.e : undefined;
  // startsWith keeps the answer exact under any collation; the range is what the index serves.
  return { emailNormalized: { ...(after ? { gt: after } : { gte: prefix }), lt: `${prefix}\u{10ffff}`, startsWith: prefix } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
