// The consent side of a sync worker, in a loop of its own beside the signup passes: subscription
// steps and marketing-status reads for newly synced contacts, unsubscribes made through Switchboard, the newsletter list, HubSpot's stored app webhooks, and
// every OPT_OUT_POLL_EVERY_MS a round of the opt-out poll. All HubSpot calls share the portal budget.
import { log } from "@/lib/log";
import { processHubspotWebhooks } from "@/lib/integrations/hubspot-webhooks/process-batches";
import type { ConsentDeps } from "./consent-deps";
import { runMarketingStep } from "./marketing-step";
import { runOptOutPoll } from "./opt-out-poll";
import { runSubscriptionStep } from "./subscription-step";
import { runUnsubscribePush } from "./unsubscribe-push";
import { runListStep } from "./list-step";

export const OPT_OUT_POLL_EVERY_MS = 60_000;
// Contacts HubSpot's search does not find yet (it indexes with a lag) or any more (deleted) stay
// unknown and are looked up again: at this pace, not on every round.
export const MARKETING_READ_EVERY_MS = 15_000;

export type ConsentLoopState = { pollDueAt: number; marketingDueAt?: number };

/** One round; true when it found work (the loop then goes again at once). */
export async function runConsentRound(deps: ConsentDeps, state: ConsentLoopState, pollEveryMs = OPT_OUT_POLL_EVERY_MS): Promise<boolean> {
  let busy = false;
  const step = async (name: string, run: () => Promise<number>) => {
    try {
      if ((await run()) > 0) busy = true;
    } catch (error) {
      // One failing step must not stop the others, nor the loop.
      log.error(`consent ${name} failed`, { workerId: deps.workerId, error });
    }
  };
  await step("webhook processing", () => processHubspotWebhooks(deps.db));
  await step("subscription step", () => runSubscriptionStep(deps));
  await step("unsubscribe push", () => runUnsubscribePush(deps));
  await step("list step", () => runListStep(deps));
  if (Date.now() >= (state.marketingDueAt ?? 0)) {
    state.marketingDueAt = Date.now() + MARKETING_READ_EVERY_MS;
    await step("marketing-status read", () => runMarketingStep(deps));
  }
  if (Date.now() >= state.pollDueAt) {
    state.pollDueAt = Date.now() + pollEveryMs;
    await step("opt-out poll", () => runOptOutPoll(deps));
  }
  return busy;
}
