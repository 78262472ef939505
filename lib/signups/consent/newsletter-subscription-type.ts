// The tenant's choice of newsletter subscription type, among its portal's email subscription types
// as HubSpot defines them (active, not internal). Choosing another type makes every synced contact
// go through the subscription step again — which reads first, so opt-outs are still honoured.
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import type { SubscriptionType } from "@/lib/integrations/consent-calls";
import { resolveDestination } from "../sync/destination";
import { hasScope } from "./consent-deps";
import type { ChoiceCollaborators } from "./choice-collaborators";

export type SubscriptionTypeChoice =
  | { kind: "no-connection" }
  | { kind: "scope-missing"; scope: string }
  | { kind: "unavailable"; reason: string; chosenId: string | null }
  | { kind: "ready"; types: SubscriptionType[]; chosenId: string | null };

export async function loadSubscriptionTypeChoice(
  db: Db,
  tenantId: string,
  { consent, accessToken }: ChoiceCollaborators,
): Promise<SubscriptionTypeChoice> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { newsletterSubscriptionId: true } });
  const destination = await resolveDestination(db, tenantId);
  if (!destination || destination.status === "NEEDS_RECONNECT") return { kind: "no-connection" };
  const connection = await db.connection.findUniqueOrThrow({ where: { id: destination.connectionId }, select: { grantedScopes: true } });
  if (!hasScope(connection.grantedScopes, consent.subscriptionScope)) return { kind: "scope-missing", scope: consent.subscriptionScope };
  try {
    const reply = await consent.listSubscriptionTypes(await accessToken(db, destination.connectionId));
    if (!reply.ok) return { kind: "unavailable", reason: reply.failure.reason, chosenId: tenant.newsletterSubscriptionId };
    return { kind: "ready", types: reply.value, chosenId: tenant.newsletterSubscriptionId };
  } catch (error) {
    return {
      kind: "unavailable",
      reason: error instanceof Error ? error.message : "HubSpot could not be reached",
      chosenId: tenant.newsletterSubscriptionId,
    };
  }
}

/** `subscriptionId` empty: no subscription type (contacts only). Otherwise it must be one HubSpot lists now. */
export async function chooseSubscriptionType(
  db: Db,
  tenantId: string,
  subscriptionId: string,
  collaborators: ChoiceCollaborators,
): Promise<void> {
  if (subscriptionId !== "") {
    const choice = await loadSubscriptionTypeChoice(db, tenantId, collaborators);
    if (choice.kind !== "ready") throw new AppError("conflict", "HubSpot's subscription types could not be read; nothing was changed.");
    if (!choice.types.some((type) => type.id === subscriptionId)) {
      throw new AppError("invalid_input", "Choose one of the portal's active subscription types.", {
        fieldErrors: { subscriptionId: ["Not an active subscription type of this portal."] },
      });
    }
  }
  await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { newsletterSubscriptionId: true } });
    if ((before.newsletterSubscriptionId ?? "") === subscriptionId) return;
    await tx.tenant.update({ where: { id: tenantId }, data: { newsletterSubscriptionId: subscriptionId === "" ? null : subscriptionId } });
    await tx.signup.updateMany({
      where: { tenantId, status: "SYNCED", erasedAt: null },
      data: { subscriptionState: null, subscriptionError: null, subscriptionLeaseUntil: null },
    });
  });
}
