// Audit events on a hot path (every access token the host API hands out), committed before the caller
// is answered at the lowest cost each database allows: the database layer's prepared insert on its
// hot-path connection where it has one (SQLite; Prisma's per-query work costs more CPU than SQLite
// itself, as intake found), else a group commit (lib/audit/coalesced-audit-writer.ts). An event that
// could not be written throws AuditNotRecordedError: the caller must not act as if it had been.
import { preparedAuditInsert } from "@/lib/db/statements/hot-path";
import type { Store } from "@/lib/db/store";
import { log } from "@/lib/log";
import { recordAuditEventCoalesced } from "./coalesced-audit-writer";
import { auditRow, type AuditEventInput } from "./record-audit-event";

export type AuditWriter = (event: AuditEventInput) => Promise<void>;

export class AuditNotRecordedError extends Error {
  override name = "AuditNotRecordedError";
}

/** The store's hot-path audit writer, made once per store. */
export function hotPathAuditWriter(store: Store): AuditWriter {
  return store.shared("audit:hot-path-writer", () => {
    const insert = preparedAuditInsert(store);
    const write: AuditWriter = insert ? (event) => insert(auditRow(event)) : (event) => recordAuditEventCoalesced(store.db, event);
    return async (event) => {
      try {
        await write(event);
      } catch (error) {
        log.error("audit event could not be recorded", { action: event.action, tenantId: event.tenantId, error });
        throw new AuditNotRecordedError("The audit event could not be recorded");
      }
    };
  });
}
