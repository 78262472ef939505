import { z } from "zod";
import type { StatusState, StoredStatus, SubscriptionDefinition } from "../state/subscription-store";

// Wire shapes of the communication-preferences API (HUBSPOT-2026-03.md §4): PublicStatus,
// PublicWideStatus, definitions, and the request bodies. Definition ids are strings in
// definitions and integers in statuses, as in HubSpot's spec.

export const LEGAL_BASES = [
  "CONSENT_WITH_NOTICE",
  "LEGITIMATE_INTEREST_CLIENT",
  "LEGITIMATE_INTEREST_OTHER",
  "LEGITIMATE_INTEREST_PQL",
  "NON_GDPR",
  "PERFORMANCE_OF_CONTRACT",
  "PROCESS_AND_STORE",
] as const;

export type SetStatusSuccessReason =
  "NO_STATUS_CHANGE" | "REQUESTED_CHANGE_OCCURRED" | "RESUBSCRIBE_OCCURRED" | "UNSUBSCRIBE_FROM_ALL_OCCURRED";

const statusState = z.enum(["SUBSCRIBED", "UNSUBSCRIBED", "NOT_SPECIFIED"]);

export const statusWriteSchema = z.looseObject({
  subscriptionId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  statusState,
  channel: z.string(),
  legalBasis: z.enum(LEGAL_BASES).optional(),
  legalBasisExplanation: z.string().optional(),
});
export type StatusWrite = z.infer<typeof statusWriteSchema>;

export const batchWriteSchema = z.looseObject({
  inputs: z.array(statusWriteSchema.and(z.looseObject({ subscriberIdString: z.string() }))),
});
export const batchEmailsSchema = z.looseObject({ inputs: z.array(z.string()) });

export function definitionJson(definition: SubscriptionDefinition) {
  return {
    id: String(definition.id),
    name: definition.name,
    description: definition.description,
    purpose: definition.purpose,
    communicationMethod: definition.communicationMethod,
    isActive: definition.isActive,
    isDefault: definition.isDefault,
    isInternal: definition.isInternal,
    businessUnitId: 0,
    createdAt: new Date(definition.createdAt).toISOString(),
    updatedAt: new Date(definition.updatedAt).toISOString(),
  };
}

export interface EffectiveStatus {
  definition: SubscriptionDefinition;
  state: StatusState;
  stored: StoredStatus | undefined;
  reason?: SetStatusSuccessReason;
}

export function publicStatus(email: string, { definition, state, stored, reason }: EffectiveStatus) {
  return {
    subscriberIdString: email.toLowerCase(),
    subscriptionId: definition.id,
    subscriptionName: definition.name,
    status: state,
    source: stored?.source ?? null,
    legalBasis: stored?.legalBasis ?? null,
    legalBasisExplanation: stored?.legalBasisExplanation ?? null,
    ...(reason ? { setStatusSuccessReason: reason } : {}),
    timestamp: new Date(stored?.timestamp ?? Date.now()).toISOString(),
    channel: "EMAIL",
    businessUnitId: 0,
  };
}

export function wideStatus(email: string, unsubscribed: { timestamp: number } | undefined) {
  return {
    subscriberIdString: email.toLowerCase(),
    wideStatusType: "PORTAL_WIDE",
    status: unsubscribed ? "UNSUBSCRIBED" : "SUBSCRIBED",
    channel: "EMAIL",
    businessUnitId: 0,
    timestamp: new Date(unsubscribed?.timestamp ?? Date.now()).toISOString(),
  };
}

/** HubSpot's ActionResponse envelope around results. */
export function actionResponse(results: unknown[], startedAt: string) {
  return { status: "COMPLETE", results, startedAt, completedAt: new Date().toISOString() };
}
