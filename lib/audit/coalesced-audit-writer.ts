// Group commit for audit events on a hot path (every access token the host API hands out): events
// recorded in the same turn of the event loop go into ONE insert, and each caller resumes only once
// its event is committed — so "audited before answered" holds at a fraction of the cost. A failed
// write rejects every caller of its batch: the caller decides (hot-path-audit-writer.ts refuses).
import type { Db } from "@/lib/db/create-client";
import { auditRow, type AuditEventInput } from "./record-audit-event";

type Pending = { event: AuditEventInput; done: () => void; fail: (error: unknown) => void };

const MAX_BATCH = 200;
const queues = new WeakMap<Db, Pending[]>();

export function recordAuditEventCoalesced(db: Db, event: AuditEventInput): Promise<void> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue || queue.length >= MAX_BATCH) {
      const batch: Pending[] = [];
      queue = batch;
      queues.set(db, batch);
      setImmediate(() => {
        if (queues.get(db) === batch) queues.delete(db);
        void flush(db, batch);
      });
    }
    queue.push({ event, done: resolve, fail: reject });
  });
}

async function flush(db: Db, batch: Pending[]): Promise<void> {
  try {
    await db.auditEvent.createMany({
      data: batch.map(({ event }) => auditRow(event)),
    });
  } catch (error) {
    for (const pending of batch) pending.fail(error);
    return;
  }
  for (const pending of batch) pending.done();
}
