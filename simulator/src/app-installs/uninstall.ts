import type { RequestContext, Route } from "../http/context";
import { portalFromParams } from "../http/control-input";
import { sendEmpty, sendJson } from "../http/respond";
import { authorizeCrmCall } from "../crm/authorize-call";
import type { Portal } from "../portals";
import type { SimulatorState } from "../state/simulator-state";

// Uninstalling the app from a portal (HUBSPOT-2026-03.md §0): every grant of the app there ends
// (access and refresh tokens: the next refresh answers 400 BAD_REFRESH_TOKEN / invalid_grant),
// webhooks stop, and HubSpot emails the portal's admins. The app can do it itself with
// `DELETE /appinstalls/2026-03/external-install`; the control API does it "in HubSpot's UI".

function uninstall(sim: SimulatorState, portal: Portal) {
  const revoked = sim.tokens.revokePortal(portal.id);
  sim.uninstalledPortals.add(portal.id);
  const mail = sim.mails.send({
    to: portal.userEmail,
    subject: `The app "${sim.config.clientId}" (app ${sim.config.appId}) was uninstalled from your HubSpot account ${portal.id}`,
    portalId: portal.id,
  });
  return { revoked, mail };
}

// DELETE /appinstalls/2026-03/external-install — with the portal's access token (any scope): 204.
async function uninstallByApp(ctx: RequestContext): Promise<void> {
  const caller = authorizeCrmCall(ctx, []);
  if (!caller) return;
  const portal = ctx.state.portal(caller.portalId);
  if (!portal) return sendEmpty(ctx.res, 204, caller.headers);
  const { mail } = uninstall(ctx.state, portal);
  ctx.note.mail = { to: mail.to, subject: mail.subject };
  sendEmpty(ctx.res, 204, caller.headers);
}

export const uninstallRoutes: Route[] = [
  { method: "DELETE", path: "/appinstalls/2026-03/external-install", handler: uninstallByApp },
  {
    // POST /_sim/portals/:portalId/uninstall — a portal admin uninstalls the app in HubSpot's UI.
    method: "POST",
    path: "/_sim/portals/:portalId/uninstall",
    handler: (ctx) => {
      const portal = portalFromParams(ctx);
      if (!portal) return;
      const { revoked, mail } = uninstall(ctx.state, portal);
      sendJson(ctx.res, 200, {
        portalId: portal.id,
        revokedAccessTokens: revoked.accessTokens,
        revokedRefreshTokens: revoked.refreshTokens,
        mail,
      });
    },
  },
  { method: "GET", path: "/_sim/mails", handler: (ctx) => sendJson(ctx.res, 200, { mails: ctx.state.mails.list() }) },
];
