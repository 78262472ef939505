// Audit events on a hot path (every access token the host API hands out), committed before the caller
// is answered at the lowest cost each database allows: on SQLite one prepared INSERT on a connection
// of its own (Prisma's per-query work costs more CPU than SQLite itself, as intake found), on
// PostgreSQL a group commit (lib/audit/coalesced-audit-writer.ts). A failed write is logged, never thrown.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Db } from "@/lib/db/create-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { prismaSqliteTimestamp } from "@/lib/signups/intake/sqlite-signup-writer";
import { recordAuditEventCoalesced } from "./coalesced-audit-writer";
import type { AuditEventInput } from "./record-audit-event";

export type AuditWriter = (event: AuditEventInput) => Promise<void>;

const writers = new Map<string, AuditWriter>();

export function hotPathAuditWriter(db: Db, databaseUrl: string): AuditWriter {
  let writer = writers.get(databaseUrl);
  if (!writer) {
    writer = databaseProvider(databaseUrl) === "sqlite" ? sqliteAuditWriter(sqliteFilePath(databaseUrl)) : (event) => recordAuditEventCoalesced(db, event);
    writers.set(databaseUrl, writer);
  }
  return writer;
}

const INSERT_SQL = `
  INSERT INTO "AuditEvent" ("id", "tenantId", "connectionId", "subject", "actorUserId", "actorLabel", "action", "outcome", "detail", "createdAt")
  VALUES (@id, @tenantId, @connectionId, @subject, @actorUserId, @actorLabel, @action, @outcome, @detail, @createdAt)`;
const LOCK_WAIT_LIMIT_MS = 5_000;

function sqliteAuditWriter(filePath: string): AuditWriter {
  // timeout 0 and asynchronous retries: never block the event loop on a lock (see sqlite-signup-writer.ts).
  const connection = new Database(filePath, { timeout: 0 });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  const insert = connection.prepare(INSERT_SQL);
  return async (event) => {
    const row = {
      id: randomUUID(), tenantId: event.tenantId, connectionId: event.connectionId ?? null, subject: event.subject ?? null,
      actorUserId: event.actorUserId ?? null, actorLabel: event.actorLabel, action: event.action, outcome: event.outcome,
      detail: event.detail?.slice(0, 500) ?? null, createdAt: prismaSqliteTimestamp(new Date()),
    };
    const giveUpAt = Date.now() + LOCK_WAIT_LIMIT_MS;
    for (let delayMs = 1; ; delayMs = Math.min(delayMs * 2, 50)) {
      try {
        insert.run(row);
        return;
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? "");
        if (!code.startsWith("SQLITE_BUSY") && !code.startsWith("SQLITE_LOCKED")) break;
        if (Date.now() + delayMs > giveUpAt) break;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    log.error("audit event could not be recorded", { action: event.action, tenantId: event.tenantId });
  };
}
