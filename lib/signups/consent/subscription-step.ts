// Item "subscription status with a legal basis": after a signup became a contact, subscribe it to
// the tenant's newsletter subscription type — but read first. HubSpot's subscribe call resubscribes
// someone who opted out, so a contact whose type status or unsubscribe-all status says
// UNSUBSCRIBED gets nothing written and shows "Opted out in HubSpot". Otherwise it is subscribed
// with legal basis CONSENT_WITH_NOTICE and, as the explanation, the exact consent text the person
// saw (snapshotted on the signup at intake). Every request comes out of the portal's shared budget.
import { log } from "@/lib/log";
import type { ConsentFailure, SubscriptionReading } from "@/lib/integrations/consent-calls";
import { cachedAccessToken } from "../sync/tenant-tokens";
import { hasAllScopes, SUBSCRIPTION_LEASE_MS, SUBSCRIPTION_RETRY_MS, SUBSCRIPTIONS_PER_PASS, type ConsentDeps } from "./consent-deps";
import { isNoSlot, pacedCall, type Portal } from "./paced-call";
import { isOptedOut, takeSubscriptionLeases, type DueSubscription } from "./due-subscriptions";

export async function runSubscriptionStep(deps: ConsentDeps): Promise<number> {
  const due = await takeSubscriptionLeases(deps, SUBSCRIPTIONS_PER_PASS);
  const byConnection = new Map<string, DueSubscription[]>();
  for (const signup of due) byConnection.set(signup.connectionId, [...(byConnection.get(signup.connectionId) ?? []), signup]);
  await Promise.all([...byConnection.values()].map((signups) => subscribePortal(deps, signups)));
  return due.length;
}

async function subscribePortal(deps: ConsentDeps, signups: DueSubscription[]): Promise<void> {
  const first = signups[0]!;
  const portal: Portal = { connectionId: first.connectionId, portalId: first.portalId };
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, portal.connectionId);
  } catch (error) {
    return release(
      deps,
      signups,
      `Could not get a HubSpot token: ${error instanceof Error ? error.message : "unknown error"}`,
      SUBSCRIPTION_RETRY_MS,
    );
  }
  // With the Enterprise batch scope, one read pair serves the whole group instead of two per contact.
  let readings = new Map<string, SubscriptionReading>();
  if (signups.length > 1 && hasAllScopes(first.grantedScopes, deps.consent.batchStatusScopes)) {
    const batch = await pacedCall(deps, portal, 2, deps.settings.maxRateWaitMs, () =>
      deps.consent.readSubscriptionsBatch(
        accessToken,
        signups.map((signup) => signup.email),
        first.subscriptionId,
      ),
    );
    if (!isNoSlot(batch) && batch.ok) readings = batch.value;
  }
  for (const signup of signups) {
    const outcome = await subscribeOne(deps, portal, accessToken, signup, readings.get(signup.email.toLowerCase()));
    if (outcome === "stop") return release(deps, signups.slice(signups.indexOf(signup)), null, SUBSCRIPTION_RETRY_MS);
  }
}

async function subscribeOne(
  deps: ConsentDeps,
  portal: Portal,
  accessToken: string,
  signup: DueSubscription,
  known: SubscriptionReading | undefined,
): Promise<"next" | "stop"> {
  let reading = known;
  if (!reading) {
    const read = await pacedCall(deps, portal, 2, deps.settings.maxRateWaitMs, () =>
      deps.consent.readSubscription(accessToken, signup.email, signup.subscriptionId),
    );
    if (isNoSlot(read)) return "stop";
    if (!read.ok) return failedStep(deps, signup, read.failure);
    reading = read.value;
  }
  if (isOptedOut(reading)) {
    await settleState(deps, signup, "OPTED_OUT", null);
    return "next";
  }
  if (reading.typeStatus !== "SUBSCRIBED") {
    const written = await pacedCall(deps, portal, 1, deps.settings.maxRateWaitMs, () =>
      deps.consent.subscribe(accessToken, signup.email, signup.subscriptionId, signup.consentText),
    );
    if (isNoSlot(written)) return "stop";
    if (!written.ok) return failedStep(deps, signup, written.failure);
  }
  await settleState(deps, signup, "SUBSCRIBED", null);
  return "next";
}

async function failedStep(deps: ConsentDeps, signup: DueSubscription, failure: ConsentFailure): Promise<"next" | "stop"> {
  // HubSpot's verdict on this contact (e.g. a legal basis its privacy settings refuse): final.
  if (failure.kind === "invalid-data") {
    await settleState(deps, signup, "FAILED", failure.reason);
    return "next";
  }
  const waitMs = failure.kind === "rate-limited" ? failure.waitMs : SUBSCRIPTION_RETRY_MS;
  log.warn("subscription step failed; trying again later", { portalId: signup.portalId, kind: failure.kind });
  await release(deps, [signup], failure.reason, waitMs);
  // A portal-wide problem (rate limit, token, scope) ends this portal's turn; a contact's own one does not.
  return failure.kind === "unexpected" ? "next" : "stop";
}

async function settleState(
  deps: ConsentDeps,
  signup: DueSubscription,
  state: "SUBSCRIBED" | "OPTED_OUT" | "FAILED",
  error: string | null,
): Promise<void> {
  const now = new Date();
  await deps.db.signup.updateMany({
    where: { id: signup.id, subscriptionLeaseUntil: signup.leaseUntil },
    data: { subscriptionState: state, subscriptionError: error, subscriptionCheckedAt: now, subscriptionLeaseUntil: null },
  });
}

async function release(deps: ConsentDeps, signups: DueSubscription[], error: string | null, delayMs: number): Promise<void> {
  for (const signup of signups) {
    await deps.db.signup.updateMany({
      where: { id: signup.id, subscriptionLeaseUntil: signup.leaseUntil },
      data: {
        subscriptionLeaseUntil: new Date(Date.now() + Math.min(delayMs, SUBSCRIPTION_LEASE_MS * 30)),
        ...(error === null ? {} : { subscriptionError: error.slice(0, 500) }),
      },
    });
  }
}
