// POST /api/v1/signups/{signupId}/retry — queue a failed signup again (lib/api/v1/signup-routes.ts).
import { retrySignup } from "@switchboard/lib/api/v1/signup-routes";
import { pathHandlers } from "@switchboard/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE } = pathHandlers(retrySignup);
