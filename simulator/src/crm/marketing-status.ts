import { z } from "zod";
import type { RequestContext } from "../http/context";
import { readControlJson } from "../http/control-input";
import { sendJson } from "../http/respond";
import { contactJson } from "./contact-json";

// PATCH /_sim/portals/:portalId/contacts/:contactId/marketing-status {"marketable"} — test setup: a
// portal admin sets one contact as marketing or non-marketing in HubSpot's UI. Through the API
// hs_marketable_status is read-only (a write is refused with READ_ONLY_VALUE).

const bodySchema = z.object({ marketable: z.boolean() }).strict();

export async function setMarketingStatus(ctx: RequestContext): Promise<void> {
  const portalId = Number(ctx.params.portalId);
  const contact = ctx.state.contacts.findById(portalId, ctx.params.contactId ?? "");
  if (!contact) return sendJson(ctx.res, 404, { error: `no contact ${ctx.params.contactId} in portal ${ctx.params.portalId}` });
  const input = await readControlJson(ctx, bodySchema);
  if (!input) return;
  contact.marketable = input.marketable;
  sendJson(ctx.res, 200, contactJson(contact, "all"));
}
