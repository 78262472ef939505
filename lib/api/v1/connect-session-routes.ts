// /api/v1/connect-sessions: the host's backend asks for a single-use link to the hosted connect page,
// so its own user can connect (or reconnect) HubSpot without a Switchboard account.
import { z } from "zod";
import { CONNECT_SESSION_TTL_MS, createConnectSession } from "@/lib/integrations/connect-sessions/create-connect-session";
import { defineRoute } from "../define-route";
import { targetTenant } from "../tenant-scope";

const newSessionSchema = z.object({
  tenantId: z.string().min(1).max(100).optional().describe("Required for operator keys; a tenant key implies its tenant"),
  connectionId: z.string().min(1).max(100).optional().describe("Reconnect this connection in place (same id, history and settings)"),
  returnUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe("Where the page ends, with connection_id and status or error; its origin must be one the tenant allowed"),
  endUserRef: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Your reference for the person connecting (user id or email), recorded as the actor in the audit log"),
});

const connectSessionSchema = z
  .object({
    id: z.string(),
    url: z.string().describe("The hosted connect page; single use, holds the session token — give it only to the person connecting"),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: "ConnectSession" });

export const createConnectSessionRoute = defineRoute(
  {
    method: "post",
    path: "/api/v1/connect-sessions",
    operationId: "createConnectSession",
    tag: "Connections",
    scope: "connections:write",
    summary: "Create a connect session (a link to the hosted connect page)",
    body: newSessionSchema,
    description:
      `The answer's url opens Switchboard's hosted connect page, with no Switchboard sign-in. It works once and for ${CONNECT_SESSION_TTL_MS / 60_000} minutes. ` +
      "The page ends at returnUrl with `connection_id` and `status` (connected|reconnected), or `error` " +
      "(access_denied, session_expired, wrong_portal, missing_required_scopes, authorization_failed, code_rejected, provider_unavailable). " +
      "Open it with `?mode=popup` to get the same result posted to the opener (only to returnUrl's origin).",
    response: { status: 201, description: "The session and its link", schema: connectSessionSchema },
    problems: [404],
  },
  async ({ body }, { caller, db, runtime }) => {
    const tenantId = targetTenant(caller, body.tenantId);
    const created = await createConnectSession(db, runtime.env.APP_URL, {
      tenantId,
      returnUrl: body.returnUrl,
      connectionId: body.connectionId,
      endUserRef: body.endUserRef,
      createdByLabel: caller.label,
    });
    return { id: created.id, url: created.url, expiresAt: created.expiresAt.toISOString() };
  },
);
