// GET /api/v1/signups/{signupId} — one signup (lib/api/v1/signup-routes.ts).
import { getSignup } from "@switchboard/lib/api/v1/signup-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(getSignup);
