import { z } from "zod";
import type { RequestContext, Route } from "../http/context";
import { portalFromParams, readControlJson } from "../http/control-input";
import { sendJson } from "../http/respond";
import { changeStatus, statusesOf, unsubscribeFromAll } from "./status-changes";
import { definitionJson, publicStatus } from "./status-json";
import { emailProblem } from "./write-checks";

// Control API for communication preferences: what a person or an admin does in HubSpot's UI
// (opt out of one type or of all email, add a subscription type), so tests can watch opt-outs
// flow back into the app. Never logged, faulted or rate limited.

const UI_SOURCE = "HubSpot UI (simulated)";

const statusInputSchema = z.union([
  z.object({ subscriptionId: z.number().int().positive(), status: z.enum(["SUBSCRIBED", "UNSUBSCRIBED", "NOT_SPECIFIED"]) }).strict(),
  z.object({ unsubscribeFromAll: z.literal(true) }).strict(),
]);

const definitionInputSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(""),
    purpose: z.string().default("Marketing"),
    isActive: z.boolean().default(true),
    isDefault: z.boolean().default(false),
    isInternal: z.boolean().default(false),
  })
  .strict();

function statusSnapshot(ctx: RequestContext, portalId: number, email: string) {
  return {
    portalId,
    email: email.toLowerCase(),
    unsubscribedFromAll: ctx.state.subscriptions.unsubscribedFromAll(portalId, email) !== undefined,
    statuses: statusesOf(ctx.state, portalId, email).map((status) => publicStatus(email, status)),
  };
}

function emailFromParams(ctx: RequestContext): string | undefined {
  const email = ctx.params.email ?? "";
  const problem = emailProblem(email);
  if (problem) sendJson(ctx.res, 400, { error: problem });
  return problem ? undefined : email;
}

export const communicationPreferencesControlRoutes: Route[] = [
  {
    method: "GET",
    path: "/_sim/portals/:portalId/subscription-statuses/:email",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      const email = portal && emailFromParams(ctx);
      if (portal && email) sendJson(ctx.res, 200, statusSnapshot(ctx, portal.id, email));
    },
  },
  {
    method: "POST",
    path: "/_sim/portals/:portalId/subscription-statuses/:email",
    handler: async (ctx) => {
      const portal = portalFromParams(ctx);
      const email = portal && emailFromParams(ctx);
      const input = email && (await readControlJson(ctx, statusInputSchema));
      if (!portal || !email || !input) return;
      if ("unsubscribeFromAll" in input) {
        unsubscribeFromAll(ctx.state, portal.id, email, UI_SOURCE);
      } else {
        if (!ctx.state.subscriptions.definition(portal.id, input.subscriptionId)) {
          return sendJson(ctx.res, 400, { error: `no subscription type ${input.subscriptionId} in portal ${portal.id}` });
        }
        changeStatus(ctx.state, portal.id, { email, subscriptionId: input.subscriptionId, state: input.status, source: UI_SOURCE });
      }
      sendJson(ctx.res, 200, statusSnapshot(ctx, portal.id, email));
    },
  },
  {
    method: "POST",
    path: "/_sim/portals/:portalId/subscription-definitions",
    handler: async (ctx) => {
      const portal = portalFromParams(ctx);
      const input = portal && (await readControlJson(ctx, definitionInputSchema));
      if (!portal || !input) return;
      const definition = ctx.state.subscriptions.addDefinition(portal.id, { ...input, communicationMethod: "Email" });
      sendJson(ctx.res, 201, definitionJson(definition));
    },
  },
];
