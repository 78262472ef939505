// GET /api/v1/whoami — the calling key (lib/api/v1/whoami-route.ts).
import { whoami } from "@switchboard/lib/api/v1/whoami-route";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(whoami);
