// GET /api/v1/connections/{connectionId} — one connection; DELETE — disconnect it, uninstalling the app
// when no other tenant uses the portal (lib/api/v1/connection-routes.ts).
import { deleteConnection, getConnection } from "@switchboard/lib/api/v1/connection-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(getConnection, deleteConnection);
