// POST /api/v1/signups/{signupId}/retry — queue a failed signup again (lib/api/v1/signup-routes.ts).
import { retrySignup } from "@switchboard/lib/api/v1/signup-routes";

export const POST = retrySignup.handle;
