import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm } from "../crm/authorize-call";
import { definitionJson } from "./status-json";

// GET /communication-preferences/2026-03/definitions — the portal's subscription types, inactive and
// internal ones included (flagged by isActive / isInternal).
export function listDefinitions(ctx: RequestContext): void {
  const caller = authorizeCrmCall(ctx, ctx.state.config.communicationPreferencesScopes.read);
  if (!caller) return;
  const results = ctx.state.subscriptions.definitions(caller.portalId).map(definitionJson);
  sendCrm(ctx, caller, 200, { status: "COMPLETE", results, startedAt: new Date().toISOString(), completedAt: new Date().toISOString() });
}
