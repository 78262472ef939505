// GET /api/v1/connections/{connectionId}/events — the connection's health timeline (lib/api/v1/connection-routes.ts).
import { listConnectionEvents } from "@switchboard/lib/api/v1/connection-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(listConnectionEvents);
