// GET /api/v1/connections/{connectionId} — one connection (lib/api/v1/connection-routes.ts).
import { getConnection } from "@switchboard/lib/api/v1/connection-routes";

export const GET = getConnection.handle;
