// POST/GET /api/v1/signups — the host pushes and lists signups (lib/api/v1/signup-routes.ts).
import { createSignup, listSignups } from "@switchboard/lib/api/v1/signup-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(createSignup, listSignups);
