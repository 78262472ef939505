// POST /api/v1/connections/{connectionId}/access-token — a fresh HubSpot access token for the host's backend.
import { issueAccessToken } from "@switchboard/lib/api/v1/connection-routes";

export const POST = issueAccessToken.handle;
