// POST/GET /api/v1/signups — the host pushes and lists signups (lib/api/v1/signup-routes.ts).
import { createSignup, listSignups } from "@switchboard/lib/api/v1/signup-routes";

export const POST = createSignup.handle;
export const GET = listSignups.handle;
