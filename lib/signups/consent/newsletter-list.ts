// The tenant's choice of a HubSpot list every synced contact joins: one of its portal's MANUAL
// (static) contact lists, checked against HubSpot when chosen. Choosing another list adds every
// synced contact to it (the list step starts over).
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import type { StaticList } from "@/lib/integrations/consent-calls";
import { resolveDestination } from "../sync/destination";
import { hasAllScopes } from "./consent-deps";
import type { ChoiceCollaborators } from "./choice-collaborators";

export type ListChoice =
  | { kind: "no-connection" }
  | { kind: "scope-missing"; scopes: readonly string[] }
  | { kind: "unavailable"; reason: string }
  | { kind: "ready"; lists: StaticList[]; chosenId: string | null };

export async function loadListChoice(db: Db, tenantId: string, { consent, accessToken }: ChoiceCollaborators): Promise<ListChoice> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { newsletterListId: true } });
  const destination = await resolveDestination(db, tenantId);
  if (!destination || destination.status === "NEEDS_RECONNECT") return { kind: "no-connection" };
  const connection = await db.connection.findUniqueOrThrow({ where: { id: destination.connectionId }, select: { grantedScopes: true } });
  if (!hasAllScopes(connection.grantedScopes, consent.listScopes)) return { kind: "scope-missing", scopes: consent.listScopes };
  try {
    const reply = await consent.listStaticLists(await accessToken(db, destination.connectionId));
    if (!reply.ok) return { kind: "unavailable", reason: reply.failure.reason };
    return { kind: "ready", lists: reply.value, chosenId: tenant.newsletterListId };
  } catch (error) {
    return { kind: "unavailable", reason: error instanceof Error ? error.message : "HubSpot could not be reached" };
  }
}

/** `listId` empty: no list. Otherwise it must be one of the portal's MANUAL lists now. */
export async function chooseNewsletterList(db: Db, tenantId: string, listId: string, collaborators: ChoiceCollaborators): Promise<void> {
  if (listId !== "") {
    const choice = await loadListChoice(db, tenantId, collaborators);
    if (choice.kind !== "ready") throw new AppError("conflict", "HubSpot's lists could not be read; nothing was changed.");
    if (!choice.lists.some((list) => list.id === listId)) {
      throw new AppError("invalid_input", "Choose one of the portal's static (MANUAL) lists.", {
        fieldErrors: { listId: ["Not a static contact list of this portal."] },
      });
    }
  }
  await db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { newsletterListId: true } });
    if ((before.newsletterListId ?? "") === listId) return;
    await tx.tenant.update({ where: { id: tenantId }, data: { newsletterListId: listId === "" ? null : listId } });
    await tx.signup.updateMany({ where: { tenantId, listAddedAt: { not: null } }, data: { listAddedAt: null } });
  });
}
