import { communicationPreferencesRoutes } from "./communication-preferences/routes";
import { controlRoutes } from "./control-api";
import { portalSettingsRoutes } from "./control/portal-settings";
import { webhookControlRoutes } from "./webhooks/control-routes";
import { listRoutes } from "./lists/routes";
import { uninstallRoutes } from "./app-installs/uninstall";
import { propertyRoutes } from "./properties/routes";
import { crmRoutes } from "./crm/routes";
import type { Route } from "./http/context";
import { decideAuthorization } from "./oauth/authorize-decision";
import { showAuthorizePage } from "./oauth/authorize-page";
import { introspectToken, revokeToken } from "./oauth/token-introspection";
import { exchangeTokenV1, exchangeTokenV3 } from "./oauth/token-endpoint";
import { deleteRefreshToken, getAccessTokenMetadata, getRefreshTokenMetadata } from "./oauth/token-metadata";

const oauthRoutes: Route[] = [
  { method: "GET", path: "/oauth/authorize", handler: showAuthorizePage },
  { method: "POST", path: "/oauth/authorize/decision", handler: decideAuthorization },
  { method: "GET", path: "/oauth/:portalId/authorize", handler: showAuthorizePage },
  { method: "POST", path: "/oauth/v1/token", handler: exchangeTokenV1 },
  { method: "GET", path: "/oauth/v1/access-tokens/:token", handler: getAccessTokenMetadata },
  { method: "GET", path: "/oauth/v1/refresh-tokens/:token", handler: getRefreshTokenMetadata },
  { method: "DELETE", path: "/oauth/v1/refresh-tokens/:token", handler: deleteRefreshToken },
  ...["v3", "2026-03"].flatMap((version): Route[] => [
    { method: "POST", path: `/oauth/${version}/token`, handler: exchangeTokenV3 },
    { method: "POST", path: `/oauth/${version}/token/introspect`, handler: introspectToken },
    { method: "POST", path: `/oauth/${version}/token/revoke`, handler: revokeToken },
  ]),
];

export const routes: Route[] = [
  ...oauthRoutes,
  ...crmRoutes,
  ...propertyRoutes,
  ...listRoutes,
  ...communicationPreferencesRoutes,
  ...controlRoutes,
  ...portalSettingsRoutes,
  ...webhookControlRoutes,
  ...uninstallRoutes,
];
