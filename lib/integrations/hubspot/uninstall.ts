// Uninstalling the app from a portal (HUBSPOT-2026-03.md §0): DELETE /appinstalls/2026-03/external-install
// with the portal's access token answers 204; HubSpot then emails the portal's admins and removes the
// app's cards and webhooks. Revoking a refresh token does not do this — it ends one grant only.
import { hubspotPaths } from "./api-paths";
import type { HubspotConfig } from "./config";
import { classifyReply, classifyTransportError, failureToError } from "./failures";
import { hubspotRequest, type HubspotReply } from "./hubspot-http";

export async function uninstallHubspotApp(config: HubspotConfig, accessToken: string): Promise<void> {
  const operation = "the app uninstall";
  let reply: HubspotReply;
  try {
    reply = await hubspotRequest(config, { method: "DELETE", path: hubspotPaths.uninstall, accessToken });
  } catch (error) {
    throw failureToError(classifyTransportError(error, operation));
  }
  if (reply.status >= 200 && reply.status < 300) return;
  throw failureToError(classifyReply(reply, operation));
}
