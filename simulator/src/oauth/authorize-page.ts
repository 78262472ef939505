import type { RequestContext } from "../http/context";
import { sendHtml } from "../http/respond";
import { consentPage } from "../pages/consent";
import { errorPage } from "../pages/error-page";
import { validateAuthorizeRequest } from "./authorize-request";

const APP_NAME = "Switchboard";
const MAX_LISTED_PORTALS = 50;

// GET /oauth/authorize and GET /oauth/:portalId/authorize — the consent page (portal pinned in the second form).
export function showAuthorizePage(ctx: RequestContext): void {
  const sim = ctx.state;
  const validation = validateAuthorizeRequest(ctx.url.searchParams, sim.config);
  if (!validation.ok) return sendHtml(ctx.res, 400, errorPage(validation.title, validation.message));

  const pinned = ctx.params.portalId;
  const pinnedPortal = pinned === undefined ? undefined : sim.namedPortal(Number(pinned));
  // With thousands of portals the unpinned page lists the first few; pin the URL to reach the others.
  const portals = pinned === undefined ? sim.portals.list().slice(0, MAX_LISTED_PORTALS) : pinnedPortal ? [pinnedPortal] : [];
  if (portals.length === 0) {
    return sendHtml(ctx.res, 400, errorPage("Unknown account", `There is no HubSpot account with Hub ID ${pinned}.`));
  }
  sendHtml(ctx.res, 200, consentPage(validation.request, portals, APP_NAME));
}
