// Group commit for audit events on a hot path (every access token the host API hands out): events
// recorded in the same turn of the event loop go into ONE insert, and each caller resumes only once
// its event is committed — so "audited before answered" holds at a fraction of the cost. Like
// recordAuditEvent, a failed write is logged (without details) and never fails the caller.
import type { Db } from "@/lib/db/create-client";
import { log } from "@/lib/log";
import type { AuditEventInput } from "./record-audit-event";

type Pending = { event: AuditEventInput; done: () => void };

const MAX_BATCH = 200;
const queues = new WeakMap<Db, Pending[]>();

export function recordAuditEventCoalesced(db: Db, event: AuditEventInput): Promise<void> {
  return new Promise((resolve) => {
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
    queue.push({ event, done: resolve });
  });
}

async function flush(db: Db, batch: Pending[]): Promise<void> {
  try {
    await db.auditEvent.createMany({
      data: batch.map(({ event }) => ({
        tenantId: event.tenantId, connectionId: event.connectionId ?? null, subject: event.subject ?? null, actorUserId: event.actorUserId ?? null,
        actorLabel: event.actorLabel, action: event.action, outcome: event.outcome, detail: event.detail?.slice(0, 500) ?? null,
      })),
    });
  } catch (error) {
    log.error("audit events could not be recorded", { count: batch.length, action: batch[0]?.event.action, error });
  } finally {
    for (const pending of batch) pending.done();
  }
}
