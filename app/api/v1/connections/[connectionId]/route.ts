// GET /api/v1/connections/{connectionId} — one connection (lib/api/v1/connection-routes.ts).
import { getConnection } from "@switchboard/lib/api/v1/connection-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(getConnection);
