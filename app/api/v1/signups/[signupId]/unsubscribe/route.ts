// POST /api/v1/signups/{signupId}/unsubscribe — the host unsubscribes a signup (lib/api/v1/signup-routes.ts).
import { unsubscribeSignup } from "@switchboard/lib/api/v1/signup-routes";

export const POST = unsubscribeSignup.handle;
