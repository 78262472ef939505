// GET /api/v1/connections/{connectionId} — one connection; DELETE — disconnect it, uninstalling the app
// when no other tenant uses the portal (lib/api/v1/connection-routes.ts).
import { deleteConnection, getConnection } from "@switchboard/lib/api/v1/connection-routes";

export const GET = getConnection.handle;
export const DELETE = deleteConnection.handle;
