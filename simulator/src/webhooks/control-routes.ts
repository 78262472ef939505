import type { Route } from "../http/context";
import { readControlJson } from "../http/control-input";
import { sendEmpty, sendJson } from "../http/respond";
import { applyEvents, checkEvents } from "./apply-events";
import { deliver } from "./deliver";
import { sendInputSchema } from "./event-input";
import { eventPayloads } from "./payload";

// Control API for app webhooks: make something happen in a portal and have HubSpot tell the app.

export const webhookControlRoutes: Route[] = [
  {
    // POST /_sim/webhooks/send — apply the events to the store, then POST them as one signed batch.
    method: "POST",
    path: "/_sim/webhooks/send",
    handler: async (ctx) => {
      const input = await readControlJson(ctx, sendInputSchema);
      if (!input) return;
      const sim = ctx.state;
      const targetUrl = input.targetUrl ?? sim.config.webhookTargetUrl;
      if (!targetUrl)
        return sendJson(ctx.res, 409, {
          error: "no webhook target URL: set webhookTargetUrl (PATCH /_sim/config or HUBSPOT_SIM_WEBHOOK_URL) or pass targetUrl",
        });
      if (!sim.namedPortal(input.portalId)) return sendJson(ctx.res, 404, { error: `unknown portal ${input.portalId}` });
      if (sim.uninstalledPortals.has(input.portalId))
        return sendJson(ctx.res, 409, { error: `the app was uninstalled from portal ${input.portalId}: HubSpot sends it no webhooks` });
      const check = checkEvents(sim, input.portalId, input.events);
      if (!check.ok) return sendJson(ctx.res, check.status, { error: check.error });
      const happened = applyEvents(sim, input.portalId, input.events);
      const delivery = sim.webhookDeliveries.start(
        input.portalId,
        targetUrl,
        eventPayloads(happened, input, sim.config, sim.webhookDeliveries),
      );
      const sending = deliver(delivery, sim.config);
      if (!input.wait) return sendJson(ctx.res, 202, { delivery: structuredClone(delivery) });
      sendJson(ctx.res, 200, { delivery: structuredClone(await sending) });
    },
  },
  {
    method: "GET",
    path: "/_sim/webhooks/deliveries",
    handler: (ctx) => sendJson(ctx.res, 200, { deliveries: ctx.state.webhookDeliveries.list() }),
  },
  {
    method: "DELETE",
    path: "/_sim/webhooks/deliveries",
    handler: (ctx) => {
      ctx.state.webhookDeliveries.clear();
      sendEmpty(ctx.res, 204);
    },
  },
];
