// Intake's write through Prisma (PostgreSQL), with group commit: signups arriving in the same
// turn of the event loop are inserted in ONE statement, so a burst pays for one round trip and one
// commit instead of one each. Every caller still gets its answer only after its row is committed,
// so "202 means stored" holds.
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { NewSignupRow, NewSignupWriter } from "./record-signup";

interface Waiting {
  row: NewSignupRow;
  resolve: (value: { id: string } | null) => void;
  reject: (reason: unknown) => void;
}

// Big enough to absorb a burst, small enough that one slow transaction holds few callers.
const MAX_BATCH = 64;

export function createCoalescedPrismaWriter(db: Db): NewSignupWriter {
  let queue: Waiting[] | null = null;
  return (row) =>
    new Promise((resolve, reject) => {
      if (!queue || queue.length >= MAX_BATCH) {
        const batch: Waiting[] = [];
        queue = batch;
        setImmediate(() => {
          if (queue === batch) queue = null;
          void flush(db, batch);
        });
      }
      queue.push({ row, resolve, reject });
    });
}

async function flush(db: Db, batch: Waiting[]): Promise<void> {
  try {
    // ON CONFLICT DO NOTHING: an address the tenant already has is simply not returned, and
    // that caller goes on to update the existing row.
    const inserted = await db.signup.createManyAndReturn(
      skipDuplicates({ data: batch.map((waiting) => waiting.row), select: { id: true } }),
    );
    const insertedIds = new Set(inserted.map((row) => row.id));
    for (const waiting of batch) waiting.resolve(insertedIds.has(waiting.row.id) ? { id: waiting.row.id } : null);
    return;
  } catch {
    // Anything else wrong with one row fails the whole statement: fall back to one by one, so
    // each caller sees exactly its own outcome.
  }
  for (const waiting of batch) {
    try {
      waiting.resolve(await db.signup.create({ data: waiting.row, select: { id: true } }));
    } catch (error) {
      if (isUniqueViolation(error)) waiting.resolve(null);
      else waiting.reject(error);
    }
  }
}

type CreateManyArgs = { data: NewSignupRow[]; select: { id: true } };

// \`Db\` is typed as the SQLite client, whose createMany lacks skipDuplicates; this writer runs on
// PostgreSQL, where Prisma turns it into ON CONFLICT DO NOTHING.
function skipDuplicates(args: CreateManyArgs): CreateManyArgs {
  return { ...args, skipDuplicates: true } as CreateManyArgs;
}
