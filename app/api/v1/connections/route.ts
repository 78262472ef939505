// GET /api/v1/connections — connections with their health (lib/api/v1/connection-routes.ts).
import { listConnections } from "@switchboard/lib/api/v1/connection-routes";

export const GET = listConnections.handle;
