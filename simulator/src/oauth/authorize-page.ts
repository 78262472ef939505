import type { RequestContext } from "../http/context";
import { sendHtml } from "../http/respond";
import { consentPage } from "../pages/consent";
import { errorPage } from "../pages/error-page";
import { validateAuthorizeRequest } from "./authorize-request";

const APP_NAME = "Switchboard";

// GET /oauth/authorize and GET /oauth/:portalId/authorize — the consent page (portal pinned in the second form).
export function showAuthorizePage(ctx: RequestContext): void {
  const { config } = ctx.state;
  const validation = validateAuthorizeRequest(ctx.url.searchParams, config);
  if (!validation.ok) return sendHtml(ctx.res, 400, errorPage(validation.title, validation.message));

  const pinned = ctx.params.portalId;
  const portals = pinned === undefined ? config.portals : config.portals.filter((portal) => String(portal.id) === pinned);
  if (portals.length === 0) {
    return sendHtml(ctx.res, 400, errorPage("Unknown account", `There is no HubSpot account with Hub ID ${pinned}.`));
  }
  sendHtml(ctx.res, 200, consentPage(validation.request, portals, APP_NAME));
}
