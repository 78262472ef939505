// A connection as an agent needs to see it: the /api/v1 view, the scopes it is missing (and so what
// a reconnect would grant), and its recent timeline. The get_connection tool, the connection
// resource and the explain prompts all read it from here.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { listConnectionAuditEvents } from "@/lib/audit/list-audit-events";
import { connectionSubject } from "@/lib/audit/record-audit-event";
import { scopeReport } from "@/lib/integrations/provider";
import type { Runtime } from "@/lib/runtime/runtime";
import { connectionSchema, connectionSelect, connectionView } from "../v1/connection-schemas";

export const connectionStatusSchema = connectionSchema.extend({
  missingScopes: z
    .object({ required: z.array(z.string()), optional: z.array(z.string()) })
    .describe("Scopes the app asks for that this connection lacks; a tenant admin's reconnect grants them"),
  timeline: z
    .array(z.object({ at: z.string(), action: z.string(), outcome: z.string(), actor: z.string(), detail: z.string().nullable() }))
    .describe("The connection's latest changes, newest first"),
});

export type ConnectionStatusDocument = z.infer<typeof connectionStatusSchema>;

export async function connectionStatusDocument(
  runtime: Runtime,
  tenantId: string,
  connectionId: string,
): Promise<ConnectionStatusDocument> {
  const row = await runtime.db.connection.findFirst({ where: { id: connectionId, tenantId }, select: connectionSelect });
  if (!row) throw AppError.notFound("That connection");
  const view = connectionSchema.parse(connectionView(row));
  const report = scopeReport(runtime.providers.get(row.provider), view.scopes);
  const events = await listConnectionAuditEvents(
    runtime.db,
    tenantId,
    { id: row.id, subject: connectionSubject(row.provider, row.portalId) },
    20,
  );
  return {
    ...view,
    missingScopes: { required: report.missingRequired, optional: report.missingOptional },
    timeline: events.map((event) => ({
      at: event.createdAt.toISOString(),
      action: event.action,
      outcome: event.outcome,
      actor: event.actorLabel,
      detail: event.detail,
    })),
  };
}
