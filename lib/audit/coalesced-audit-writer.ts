// Group commit for audit events on a hot path (every access token the host API hands out): events
// recorded in the same turn of the event loop are written by ONE batch write (one transaction), and
// each caller resumes only once its event is committed — so "audited before answered" holds at a
// fraction of the cost. A failed write rejects every caller of its batch: the caller decides
// (hot-path-audit-writer.ts refuses).
import { auditRow, type AuditEventInput, type AuditRow } from "./record-audit-event";

type Pending = { event: AuditEventInput; done: () => void; fail: (error: unknown) => void };

export type AuditBatchWrite = (rows: AuditRow[]) => Promise<void>;

// Big enough to absorb a burst, small enough that one slow transaction holds few callers.
const MAX_BATCH = 200;

/** One writer per batch write (per store): events queue until the next turn of the event loop. */
export function coalescedAuditWriter(writeBatch: AuditBatchWrite): (event: AuditEventInput) => Promise<void> {
  let queue: Pending[] | null = null;
  return (event) =>
    new Promise((resolve, reject) => {
      if (!queue || queue.length >= MAX_BATCH) {
        const batch: Pending[] = [];
        queue = batch;
        setImmediate(() => {
          if (queue === batch) queue = null;
          void flush(writeBatch, batch);
        });
      }
      queue.push({ event, done: resolve, fail: reject });
    });
}

async function flush(writeBatch: AuditBatchWrite, batch: Pending[]): Promise<void> {
  try {
    await writeBatch(batch.map(({ event }) => auditRow(event)));
  } catch (error) {
    for (const pending of batch) pending.fail(error);
    return;
  }
  for (const pending of batch) pending.done();
}
