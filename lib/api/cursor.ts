// Keyset pagination: a cursor is the (createdAt, id) of the last item of a page, opaque to callers.
// Stable under inserts (no skipped or repeated rows), unlike offsets.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { exceedsJsonNesting } from "@/lib/json/json-nesting";

export type Cursor = { createdAt: Date; id: string };

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(100)]);

export function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([item.createdAt.toISOString(), item.id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const text = Buffer.from(raw, "base64url").toString("utf8");
    if (exceedsJsonNesting(text)) throw new Error("nested too deeply");
    const [createdAt, id] = cursorSchema.parse(JSON.parse(text));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new AppError("invalid_input", "That cursor is not one this API gave out.", { fieldErrors: { cursor: ["Unknown cursor."] } });
  }
}

/** The where-clause for items after the cursor, newest first. */
export function afterCursor(cursor: Cursor | null) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

export const newestFirst = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export type PageQuery = { cursor?: string | undefined; limit: number };
/** What a list hands its findMany: the filter after the cursor, the order, one row more than a page. */
export type PageArgs<Where> = { where: Where & ReturnType<typeof afterCursor>; orderBy: typeof newestFirst; take: number };

/**
 * THE list of every /api/v1 collection: the rows matching `where` after the query's cursor, newest
 * first, one extra read to know whether there is a next page, each shown through `view`.
 */
export async function listPage<Where extends object, Row extends { createdAt: Date; id: string }, View>(
  query: PageQuery,
  where: Where,
  find: (args: PageArgs<Where>) => Promise<Row[]>,
  view: (row: Row) => View,
): Promise<{ items: View[]; nextCursor: string | null }> {
  const rows = await find({ where: { ...where, ...afterCursor(decodeCursor(query.cursor)) }, orderBy: newestFirst, take: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export const pageQuerySchema = {
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Items per page (1–100)"),
};
