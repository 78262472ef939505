// GET /api/v1/whoami — the calling key (lib/api/v1/whoami-route.ts).
import { whoami } from "@switchboard/lib/api/v1/whoami-route";

export const GET = whoami.handle;
