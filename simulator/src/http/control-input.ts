import type { z } from "zod";
import type { Portal } from "../portals";
import type { RequestContext } from "./context";
import { readBody } from "./read-body";
import { sendJson } from "./respond";

// Input helpers for the control API (/_sim/…): a JSON body checked with zod, and the portal a
// path names. Both answer the request themselves (400 / 404 `{error}`) and return undefined on failure.

export async function readControlJson<T>(ctx: RequestContext, schema: z.ZodType<T>): Promise<T | undefined> {
  const raw = await readBody(ctx.req);
  let value: unknown = {};
  if (raw.trim() !== "") {
    try {
      value = JSON.parse(raw);
    } catch {
      sendJson(ctx.res, 400, { error: "body is not valid JSON" });
      return undefined;
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    sendJson(ctx.res, 400, { error: message });
    return undefined;
  }
  return parsed.data;
}

/** The portal in `:portalId` (created when `createPortalsOnDemand` is on), or a 404. */
export function portalFromParams(ctx: RequestContext): Portal | undefined {
  const portal = ctx.state.namedPortal(Number(ctx.params.portalId));
  if (!portal) sendJson(ctx.res, 404, { error: `unknown portal ${ctx.params.portalId}` });
  return portal;
}
