// Audit events on a hot path (every access token the host API hands out), committed before the caller
// is answered at the lowest cost each database allows: a group commit (lib/audit/coalesced-audit-writer.ts)
// written by the database layer's prepared insert on its hot-path connection where it has one
// (SQLite; Prisma's per-query work costs more CPU than SQLite itself, as intake found), else by one
// Prisma createMany. An event that could not be written throws AuditNotRecordedError: the caller must
// not act as if it had been.
import { preparedAuditInsert } from "@/lib/db/statements/hot-path";
import type { Store } from "@/lib/db/store";
import { log } from "@/lib/log";
import { coalescedAuditWriter } from "./coalesced-audit-writer";
import type { AuditEventInput } from "./record-audit-event";

export type AuditWriter = (event: AuditEventInput) => Promise<void>;

export class AuditNotRecordedError extends Error {
  override name = "AuditNotRecordedError";
}

/** The store's hot-path audit writer, made once per store. */
export function hotPathAuditWriter(store: Store): AuditWriter {
  return store.shared("audit:hot-path-writer", () => {
    const write = coalescedAuditWriter(
      preparedAuditInsert(store) ??
        (async (rows) => {
          await store.db.auditEvent.createMany({ data: rows });
        }),
    );
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
