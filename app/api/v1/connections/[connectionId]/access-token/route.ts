// POST /api/v1/connections/{connectionId}/access-token — a fresh HubSpot access token for the host's backend.
import { issueAccessToken } from "@switchboard/lib/api/v1/connection-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(issueAccessToken);
