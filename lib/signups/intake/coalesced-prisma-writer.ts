// Intake's write through Prisma (PostgreSQL), with group commit: signups arriving in the same
// turn of the event loop are inserted in ONE statement, so a burst pays for one round trip and one
// commit instead of one each. Every caller still gets its answer only after its row is committed,
// so "202 means stored" holds.
import type { Db } from "@/lib/db/create-client";
import { groupCommit } from "@/lib/db/group-commit";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { NewSignupRow, NewSignupWriter } from "./record-signup";

// Big enough to absorb a burst, small enough that one slow transaction holds few callers.
const MAX_BATCH = 64;

export function createCoalescedPrismaWriter(db: Db): NewSignupWriter {
  return groupCommit(MAX_BATCH, (rows: NewSignupRow[]) => insertAll(db, rows));
}

async function insertAll(db: Db, rows: NewSignupRow[]): Promise<PromiseSettledResult<{ id: string } | null>[]> {
  try {
    // ON CONFLICT DO NOTHING: an address the tenant already has is simply not returned, and
    // that caller goes on to update the existing row.
    const inserted = await db.signup.createManyAndReturn(skipDuplicates({ data: rows, select: { id: true } }));
    const insertedIds = new Set(inserted.map((row) => row.id));
    return rows.map((row) => ({ status: "fulfilled", value: insertedIds.has(row.id) ? { id: row.id } : null }));
  } catch {
    // Anything else wrong with one row fails the whole statement: fall back to one by one, so
    // each caller sees exactly its own outcome.
  }
  const outcomes: PromiseSettledResult<{ id: string } | null>[] = [];
  for (const row of rows) {
    try {
      outcomes.push({ status: "fulfilled", value: await db.signup.create({ data: row, select: { id: true } }) });
    } catch (error) {
      outcomes.push(isUniqueViolation(error) ? { status: "fulfilled", value: null } : { status: "rejected", reason: error });
    }
  }
  return outcomes;
}

type CreateManyArgs = { data: NewSignupRow[]; select: { id: true } };

// \`Db\` is typed as the SQLite client, whose createMany lacks skipDuplicates; this writer runs on
// PostgreSQL, where Prisma turns it into ON CONFLICT DO NOTHING.
function skipDuplicates(args: CreateManyArgs): CreateManyArgs {
  return { ...args, skipDuplicates: true } as CreateManyArgs;
}
