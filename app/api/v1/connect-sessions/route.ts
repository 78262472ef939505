// POST /api/v1/connect-sessions — a single-use link to the hosted connect page (lib/api/v1/connect-session-routes.ts).
import { createConnectSessionRoute } from "@switchboard/lib/api/v1/connect-session-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(createConnectSessionRoute);
