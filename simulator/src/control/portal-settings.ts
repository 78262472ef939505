import { z } from "zod";
import type { Route } from "../http/context";
import { portalFromParams, readControlJson } from "../http/control-input";
import { sendJson } from "../http/respond";

// PATCH /_sim/portals/:portalId/settings — what a portal admin switches in HubSpot's settings:
// the data-privacy (GDPR) setting, which makes status writes need a legal basis, and the app's
// "create as marketing contacts" switch (Settings › Integrations › Marketing contacts).

const settingsSchema = z.object({ dataPrivacy: z.boolean(), createAsMarketingContacts: z.boolean() }).partial().strict();

export const portalSettingsRoutes: Route[] = [
  {
    method: "PATCH",
    path: "/_sim/portals/:portalId/settings",
    handler: async (ctx) => {
      const portal = portalFromParams(ctx);
      const input = portal && (await readControlJson(ctx, settingsSchema));
      if (!portal || !input) return;
      if (input.dataPrivacy !== undefined) portal.dataPrivacy = input.dataPrivacy;
      // Like HubSpot's switch, this changes only contacts the app creates from now on.
      if (input.createAsMarketingContacts !== undefined) portal.createAsMarketingContacts = input.createAsMarketingContacts;
      sendJson(ctx.res, 200, portal);
    },
  },
];
