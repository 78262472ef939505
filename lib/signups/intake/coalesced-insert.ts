// Group commit for intake: signups arriving in the same turn of the event loop are inserted in
// ONE statement, so a burst pays for one commit (one fsync) instead of one each. Every caller
// still gets its answer only after its row is committed, so "202 means stored" holds.
import type { Db } from "@/lib/db/create-client";

export interface NewSignupRow {
  tenantId: string;
  email: string;
  emailNormalized: string;
  firstName: string | null;
  consentGiven: boolean;
  consentText: string;
}

interface Waiting {
  row: NewSignupRow;
  resolve: (value: { id: string }) => void;
  reject: (reason: unknown) => void;
}

const queues = new WeakMap<Db, Waiting[]>();
// Big enough to absorb a burst, small enough that one slow transaction holds few callers.
const MAX_BATCH = 64;

export function insertSignup(db: Db, row: NewSignupRow): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue || queue.length >= MAX_BATCH) {
      queue = [];
      queues.set(db, queue);
      const batch = queue;
      setImmediate(() => void flush(db, batch));
    }
    queue.push({ row, resolve, reject });
  });
}

async function flush(db: Db, batch: Waiting[]): Promise<void> {
  if (queues.get(db) === batch) queues.delete(db);
  if (batch.length > 1) {
    try {
      // One multi-row INSERT: Prisma's per-query cost, not SQLite, dominates intake, so a burst
      // pays for one statement and one commit.
      const rows = await db.signup.createManyAndReturn({
        data: batch.map((waiting) => waiting.row),
        select: { id: true, tenantId: true, emailNormalized: true },
      });
      const idByKey = new Map(rows.map((row) => [rowKey(row), row.id]));
      for (const waiting of batch) {
        const id = idByKey.get(rowKey(waiting.row));
        if (id) waiting.resolve({ id });
        else waiting.reject(new Error("the batch insert did not return this row"));
      }
      return;
    } catch {
      // One conflicting row (a repeat email) fails the whole statement: fall back to one by one,
      // so each caller sees exactly its own outcome.
    }
  }
  for (const waiting of batch) {
    try {
      waiting.resolve(await db.signup.create({ data: waiting.row, select: { id: true } }));
    } catch (error) {
      waiting.reject(error);
    }
  }
}

function rowKey(row: { tenantId: string; emailNormalized: string }): string {
  return `${row.tenantId}\n${row.emailNormalized}`;
}
