import { z } from "zod";
import { configPatchSchema, type SimulatorConfig } from "./config";
import { faultInputSchema } from "./faults";
import { portalListSchema, portalSchema } from "./portals";
import type { Route } from "./http/context";
import { portalFromParams, readControlJson } from "./http/control-input";
import { sendEmpty, sendJson } from "./http/respond";
import { contactJson } from "./crm/contact-json";

// The simulator's own API under /_sim/: JSON in, JSON out, never rate limited, faulted or logged.
// Tests and benchmarks use it to shape behaviour and to inspect what happened.

/** Config as shown to callers: the client secret stays out of responses. */
export function publicConfig(config: SimulatorConfig) {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== "clientSecret"));
}

const expireSchema = z.object({ portalId: z.number().int().positive().optional() }).strict();

export const controlRoutes: Route[] = [
  { method: "GET", path: "/_sim/health", handler: (ctx) => sendJson(ctx.res, 200, { status: "ok" }) },
  {
    method: "POST",
    path: "/_sim/reset",
    handler: (ctx) => {
      ctx.state.reset();
      sendJson(ctx.res, 200, { status: "reset" });
    },
  },
  { method: "GET", path: "/_sim/config", handler: (ctx) => sendJson(ctx.res, 200, publicConfig(ctx.state.config)) },
  {
    method: "PATCH",
    path: "/_sim/config",
    handler: async (ctx) => {
      const patch = await readControlJson(ctx, configPatchSchema);
      if (!patch) return;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      ctx.state.config = { ...ctx.state.config, ...defined };
      sendJson(ctx.res, 200, publicConfig(ctx.state.config));
    },
  },
  { method: "GET", path: "/_sim/faults", handler: (ctx) => sendJson(ctx.res, 200, { faults: ctx.state.faults.list() }) },
  {
    method: "POST",
    path: "/_sim/faults",
    handler: async (ctx) => {
      const input = await readControlJson(ctx, faultInputSchema);
      if (input) sendJson(ctx.res, 201, { fault: ctx.state.faults.add(input) });
    },
  },
  {
    method: "DELETE",
    path: "/_sim/faults",
    handler: (ctx) => {
      ctx.state.faults.clear();
      ctx.state.releaseHanging();
      sendEmpty(ctx.res, 204);
    },
  },
  { method: "GET", path: "/_sim/portals", handler: (ctx) => sendJson(ctx.res, 200, { portals: ctx.state.portals.list() }) },
  {
    // POST /_sim/portals — add (or replace) portals: one portal object, or a list of objects / bare ids.
    method: "POST",
    path: "/_sim/portals",
    handler: async (ctx) => {
      const input = await readControlJson(ctx, z.union([portalListSchema, portalSchema.transform((portal) => [portal])]));
      if (input) sendJson(ctx.res, 201, { portals: input.map((portal) => ctx.state.portals.add(portal)) });
    },
  },
  {
    method: "POST",
    path: "/_sim/portals/:portalId/revoke-all",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (!portal) return;
      const revoked = ctx.state.tokens.revokePortal(portal.id);
      sendJson(ctx.res, 200, {
        portalId: portal.id,
        revokedAccessTokens: revoked.accessTokens,
        revokedRefreshTokens: revoked.refreshTokens,
      });
    },
  },
  {
    method: "GET",
    path: "/_sim/portals/:portalId/contacts",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (!portal) return;
      const contacts = ctx.state.contacts.list(portal.id);
      sendJson(ctx.res, 200, {
        portalId: portal.id,
        total: contacts.length,
        results: contacts.map((contact) => contactJson(contact, "all")),
      });
    },
  },
  {
    method: "POST",
    path: "/_sim/tokens/expire-all",
    handler: async (ctx) => {
      const input = await readControlJson(ctx, expireSchema);
      if (input) sendJson(ctx.res, 200, { expiredAccessTokens: ctx.state.tokens.expireAccessTokens(input.portalId) });
    },
  },
  {
    method: "GET",
    path: "/_sim/secret-fingerprints",
    handler: (ctx) => sendJson(ctx.res, 200, { algorithm: "sha256", fingerprints: ctx.state.tokens.fingerprints.list() }),
  },
  {
    method: "GET",
    path: "/_sim/requests",
    handler: (ctx) => sendJson(ctx.res, 200, { requests: ctx.state.requests.list() }),
  },
  {
    method: "DELETE",
    path: "/_sim/requests",
    handler: (ctx) => {
      ctx.state.requests.clear();
      sendEmpty(ctx.res, 204);
    },
  },
];
