// GET /api/v1/signups/{signupId} — one signup (lib/api/v1/signup-routes.ts).
import { getSignup } from "@switchboard/lib/api/v1/signup-routes";

export const GET = getSignup.handle;
