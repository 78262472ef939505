// What the per-portal consent steps (list membership, marketing status) share: up to 100 of one
// connection's synced contacts that still need something, oldest sync first, the connection's access
// token, and ONE call for all of them paced from the portal's shared budget. The step decides which
// contacts (the list step's `where` here; the marketing read's own statement, consent-contacts.ts)
// and what to do with the answer.
import type { ConsentReply } from "@/lib/integrations/consent-calls";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { ConsentDeps } from "./consent-deps";
import { isNoSlot, pacedCall, type Portal } from "./paced-call";
import { cachedAccessToken } from "../sync/tenant-tokens";

export const CONTACTS_PER_CALL = 100;

export type BatchContact = { id: string; hubspotContactId: string | null };

export type PortalBatch<T> = { signupIds: string[]; value: T };

type ContactsCall<T> = (accessToken: string, contactIds: string[]) => Promise<ConsentReply<T>>;

/** Up to 100 of the connection's signups with a contact that match `where` (give the tenant too, so
 * the (status, tenantId, …) index reads that tenant's rows only), oldest sync first. */
export function contactsNeeding(deps: ConsentDeps, portal: Portal, where: Prisma.SignupWhereInput): Promise<BatchContact[]> {
  return deps.db.signup.findMany({
    where: { ...where, connectionId: portal.connectionId, erasedAt: null, hubspotContactId: { not: null } },
    select: { id: true, hubspotContactId: true },
    orderBy: { syncedAt: "asc" },
    take: CONTACTS_PER_CALL,
  });
}

/** One call for these contacts, paced; null: no usable token, no slot within `maxWaitMs`, or refused. */
export async function pacedContactsCall<T>(
  deps: ConsentDeps,
  portal: Portal,
  contacts: BatchContact[],
  maxWaitMs: number,
  call: ContactsCall<T>,
): Promise<PortalBatch<T> | null> {
  if (contacts.length === 0) return null;
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, portal.connectionId);
  } catch {
    // The token step marks the connection; the next pass finds it again once reconnected.
    return null;
  }
  const contactIds = [...new Set(contacts.map((contact) => contact.hubspotContactId!))];
  const reply = await pacedCall(deps, portal, 1, maxWaitMs, () => call(accessToken, contactIds));
  if (isNoSlot(reply) || !reply.ok) return null;
  return { signupIds: contacts.map((contact) => contact.id), value: reply.value };
}
