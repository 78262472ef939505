import type { SimulatorState } from "../state/simulator-state";
import type { StatusState } from "../state/subscription-store";
import type { EffectiveStatus, SetStatusSuccessReason } from "./status-json";

// HubSpot's status semantics, shared by the API and the control API's "the person did this in
// HubSpot's UI". A 2026-03 POST *does* resubscribe someone who opted out (RESUBSCRIBE_OCCURRED);
// unsubscribe-all marks every active type UNSUBSCRIBED plus a portal-wide flag. Subscribing one
// type after unsubscribe-all is unconfirmed on HubSpot: here it clears the portal-wide flag.

export interface StatusChange {
  email: string;
  subscriptionId: number;
  state: StatusState;
  source: string;
  legalBasis?: string | undefined;
  legalBasisExplanation?: string | undefined;
}

/** Current status of one type: stored, else UNSUBSCRIBED under unsubscribe-all, else NOT_SPECIFIED. */
export function effectiveStatus(sim: SimulatorState, portalId: number, email: string, subscriptionId: number): StatusState {
  const stored = sim.subscriptions.status(portalId, email, subscriptionId);
  if (stored) return stored.status;
  return sim.subscriptions.unsubscribedFromAll(portalId, email) ? "UNSUBSCRIBED" : "NOT_SPECIFIED";
}

/** Applies one change; the definition must exist (callers check and answer 400 otherwise). */
export function changeStatus(sim: SimulatorState, portalId: number, change: StatusChange): EffectiveStatus {
  const store = sim.subscriptions;
  const definition = store.definition(portalId, change.subscriptionId);
  if (!definition) throw new Error(`unknown subscription ${change.subscriptionId}`);
  const before = effectiveStatus(sim, portalId, change.email, change.subscriptionId);
  let reason: SetStatusSuccessReason;
  if (before === change.state) reason = "NO_STATUS_CHANGE";
  else reason = before === "UNSUBSCRIBED" && change.state === "SUBSCRIBED" ? "RESUBSCRIBE_OCCURRED" : "REQUESTED_CHANGE_OCCURRED";
  if (reason !== "NO_STATUS_CHANGE") {
    store.setStatus(portalId, change.email, change.subscriptionId, change.state, {
      source: change.source,
      legalBasis: change.legalBasis ?? null,
      legalBasisExplanation: change.legalBasisExplanation ?? null,
    });
    if (change.state === "SUBSCRIBED") store.setUnsubscribedFromAll(portalId, change.email, null);
  }
  const stored = store.status(portalId, change.email, change.subscriptionId);
  return { definition, state: stored?.status ?? "NOT_SPECIFIED", stored, reason };
}

/** Every active type's status for an address. */
export function statusesOf(sim: SimulatorState, portalId: number, email: string): EffectiveStatus[] {
  return sim.subscriptions
    .definitions(portalId)
    .filter((definition) => definition.isActive)
    .map((definition) => ({
      definition,
      state: effectiveStatus(sim, portalId, email, definition.id),
      stored: sim.subscriptions.status(portalId, email, definition.id),
    }));
}

/** Opts the address out of all email: each active type UNSUBSCRIBED, plus the portal-wide flag. */
export function unsubscribeFromAll(sim: SimulatorState, portalId: number, email: string, source: string): EffectiveStatus[] {
  const store = sim.subscriptions;
  const already = store.unsubscribedFromAll(portalId, email) !== undefined;
  const reason: SetStatusSuccessReason = already ? "NO_STATUS_CHANGE" : "UNSUBSCRIBE_FROM_ALL_OCCURRED";
  for (const definition of store.definitions(portalId)) {
    if (!definition.isActive || store.status(portalId, email, definition.id)?.status === "UNSUBSCRIBED") continue;
    store.setStatus(portalId, email, definition.id, "UNSUBSCRIBED", { source, legalBasis: null, legalBasisExplanation: null });
  }
  if (!already) store.setUnsubscribedFromAll(portalId, email, source);
  return statusesOf(sim, portalId, email).map((status) => ({ ...status, reason }));
}
