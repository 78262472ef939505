// Group commit for audit events on a hot path (every access token the host API hands out): events
// recorded in the same turn of the event loop are written by ONE batch write (one transaction), and
// each caller resumes only once its event is committed — so "audited before answered" holds at a
// fraction of the cost. A failed write rejects every caller of its batch: the caller decides
// (hot-path-audit-writer.ts refuses).
import { allWritten, groupCommit } from "@/lib/db/group-commit";
import { auditRow, type AuditEventInput, type AuditRow } from "./record-audit-event";

export type AuditBatchWrite = (rows: AuditRow[]) => Promise<void>;

// Big enough to absorb a burst, small enough that one slow transaction holds few callers.
const MAX_BATCH = 200;

/** One writer per batch write (per store): events queue until the next turn of the event loop. */
export function coalescedAuditWriter(writeBatch: AuditBatchWrite): (event: AuditEventInput) => Promise<void> {
  const write = groupCommit<AuditRow, void>(MAX_BATCH, async (rows) => {
    await writeBatch(rows);
    return allWritten(rows.length, undefined);
  });
  return (event) => write(auditRow(event));
}
