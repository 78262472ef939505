// Prompts that explain, from Switchboard's own records, why a connection is failing or a signup is
// stuck: the facts (status, reasons, the timeline, the queue state) and what each one means, so the
// agent's answer to a tenant rests on what happened rather than on a guess.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Runtime } from "@/lib/runtime/runtime";
import { resolveDestination } from "@/lib/signups/sync/destination";
import { connectionStatusDocument, type ConnectionStatusDocument } from "./connection-status";
import type { TenantCaller } from "./tenant-caller";

const GUIDANCE = [
  "How to read it:",
  "- needs_reconnect: the grant is gone (revoked, uninstalled in HubSpot, or required scopes missing). Only a tenant admin can fix it, by pressing Reconnect on the integrations page or following a connect link; signups wait meanwhile and nothing is lost.",
  "- degraded: recent calls to HubSpot failed (outage, rate limit, a refused test). The sync retries by itself with backoff; no action is needed unless it persists.",
  "- missing optional scopes: everything still works; a reconnect grants them.",
  "- a WAITING signup waits for a usable connection; a PENDING one is queued or backing off after a transient failure (attempts, next attempt); a FAILED one was refused by HubSpot for its data (the reason says why) or failed for too long, and can be retried once the cause is fixed.",
  "Explain to the tenant in plain language what happened and what, if anything, they should do. Do not invent causes the records do not show.",
].join("\n");

function connectionFacts(document: ConnectionStatusDocument): string {
  const timeline = document.timeline.map(
    (event) => `  ${event.at} ${event.action} (${event.outcome}) by ${event.actor}${event.detail ? `: ${event.detail}` : ""}`,
  );
  return [
    `Connection ${document.id} to HubSpot portal ${document.portalId}${document.domain ? ` (${document.domain})` : ""}: status ${document.status}${document.statusReason ? ` — ${document.statusReason}` : ""}.`,
    `Missing required scopes: ${document.missingScopes.required.join(", ") || "none"}; missing optional scopes: ${document.missingScopes.optional.join(", ") || "none"}.`,
    document.lastTest
      ? `Last test at ${document.lastTest.at}: ${document.lastTest.ok ? "passed" : "failed"}${document.lastTest.message ? ` — ${document.lastTest.message}` : ""}.`
      : "Never tested.",
    `Timeline, newest first:\n${timeline.join("\n") || "  (nothing recorded)"}`,
  ].join("\n");
}

const prompt = (text: string) => ({ messages: [{ role: "user" as const, content: { type: "text" as const, text } }] });

export function registerExplainPrompts(server: McpServer, runtime: Runtime, caller: TenantCaller): void {
  server.registerPrompt(
    "explain_connection",
    {
      title: "Explain a connection's health",
      description: "Why a HubSpot connection is unhealthy and what to do",
      argsSchema: { connectionId: z.string().min(1).max(100) },
    },
    async ({ connectionId }) =>
      prompt(`${connectionFacts(await connectionStatusDocument(runtime, caller.tenantId, connectionId))}\n\n${GUIDANCE}`),
  );
  server.registerPrompt(
    "explain_signup",
    {
      title: "Explain a signup's sync state",
      description: "Why a newsletter signup has not reached HubSpot yet, and what to do",
      argsSchema: { signupId: z.string().min(1).max(100) },
    },
    async ({ signupId }) => {
      const signup = await runtime.db.signup.findFirst({
        where: { id: signupId, tenantId: caller.tenantId },
        select: {
          id: true,
          status: true,
          attempts: true,
          lastError: true,
          nextAttemptAt: true,
          createdAt: true,
          syncedAt: true,
          hubspotContactId: true,
        },
      });
      if (!signup) return prompt(`There is no signup ${signupId} in this tenant.`);
      const destination = await resolveDestination(runtime.db, caller.tenantId);
      const facts = [
        `Signup ${signup.id}, received ${signup.createdAt.toISOString()}: status ${signup.status}, ${signup.attempts} attempt(s)` +
          (signup.status === "PENDING" ? `, next attempt at ${signup.nextAttemptAt.toISOString()}` : "") +
          (signup.syncedAt ? `, synced at ${signup.syncedAt.toISOString()} as HubSpot contact ${signup.hubspotContactId}` : "") +
          ".",
        signup.lastError ? `Last error: ${signup.lastError}` : "No error recorded.",
        destination
          ? connectionFacts(await connectionStatusDocument(runtime, caller.tenantId, destination.connectionId))
          : "The tenant has no HubSpot connection: signups wait until one is connected.",
      ];
      return prompt(`${facts.join("\n")}\n\n${GUIDANCE}`);
    },
  );
}
