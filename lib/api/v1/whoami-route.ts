// GET /api/v1/whoami — which key is calling, its tenant and scopes: the cheapest authenticated call,
// for checking a key (and the benchmark's baseline next to the token path).
import { z } from "zod";
import { apiScopeSchema } from "@/lib/api-keys/scopes";
import { defineRoute } from "../define-route";

export const whoamiSchema = z
  .object({
    keyPrefix: z.string(),
    tenantId: z.string().nullable().describe("null for an operator key, which reaches every tenant"),
    scopes: z.array(apiScopeSchema),
  })
  .meta({ id: "WhoAmI" });

export const whoami = defineRoute(
  {
    method: "get",
    path: "/api/v1/whoami",
    operationId: "whoami",
    tag: "Keys",
    scope: null,
    summary: "Describe the calling API key",
    response: { status: 200, description: "The calling key", schema: whoamiSchema },
  },
  async (_input, { caller }) => ({ keyPrefix: caller.prefix, tenantId: caller.tenantId, scopes: [...caller.scopes] }),
);
