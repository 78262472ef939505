// GET /api/v1/connections — connections with their health (lib/api/v1/connection-routes.ts).
import { listConnections } from "@switchboard/lib/api/v1/connection-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(listConnections);
