import { z } from "zod";
import type { RequestContext } from "../http/context";
import { readBody } from "../http/read-body";
import { sendJson } from "../http/respond";
import { contactJson } from "./contact-json";
import { isValidEmail } from "./contact-properties";

// POST /_sim/portals/:portalId/contacts/:contactId/additional-emails {"email"} — test setup: on
// HubSpot additional emails come from merges and the UI. They are unique identifiers: upserting
// such an address by email then fails with 409 (HUBSPOT-2026-03.md, "Additional emails").

const bodySchema = z.object({ email: z.string().refine(isValidEmail, "not a valid email address") }).strict();

export async function addAdditionalEmail(ctx: RequestContext): Promise<void> {
  const portalId = Number(ctx.params.portalId);
  const contact = ctx.state.contacts.findById(portalId, ctx.params.contactId ?? "");
  if (!contact) return sendJson(ctx.res, 404, { error: `no contact ${ctx.params.contactId} in portal ${ctx.params.portalId}` });
  let json: unknown;
  try {
    json = JSON.parse(await readBody(ctx.req));
  } catch {
    return sendJson(ctx.res, 400, { error: "body is not valid JSON" });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return sendJson(ctx.res, 400, { error: parsed.error.issues.map((issue) => issue.message).join("; ") });
  if (!ctx.state.contacts.addAdditionalEmail(portalId, contact, parsed.data.email)) {
    return sendJson(ctx.res, 409, { error: `${parsed.data.email} already belongs to a contact` });
  }
  sendJson(ctx.res, 200, contactJson(contact, "all"));
}
