import type { RequestContext } from "../http/context";
import { authorizeCrmCall, sendCrm, type CrmCaller } from "../crm/authorize-call";
import { missingScopes, objectNotFound } from "../crm/crm-errors";
import type { ContactList } from "../state/list-store";

// Lists scopes: reads need crm.lists.read; writes need crm.lists.write *and* crm.lists.read.

const READ = "crm.lists.read";
const WRITE = "crm.lists.write";

export function authorizeListRead(ctx: RequestContext): CrmCaller | null {
  return authorizeCrmCall(ctx, READ);
}

export function authorizeListWrite(ctx: RequestContext): CrmCaller | null {
  const caller = authorizeCrmCall(ctx, WRITE);
  if (caller && !caller.scopes.includes(READ)) {
    sendCrm(ctx, caller, 403, missingScopes([READ]));
    return null;
  }
  return caller;
}

/** The list in `:listId`, or a 404 answered. */
export function listFromParams(ctx: RequestContext, caller: CrmCaller): ContactList | undefined {
  const list = ctx.state.lists.get(caller.portalId, ctx.params.listId ?? "");
  if (!list) sendCrm(ctx, caller, 404, objectNotFound());
  return list;
}
