// What the per-portal consent steps (list membership, marketing status) share: up to 100 of one
// connection's synced contacts that still need something, oldest sync first, the connection's access
// token, and ONE call for all of them paced from the portal's shared budget. The step decides which
// contacts (`where`) and what to do with the answer.
import type { ConsentReply } from "@/lib/integrations/consent-calls";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { ConsentDeps } from "./consent-deps";
import { isNoSlot, pacedCall, type Portal } from "./paced-call";
import { cachedAccessToken } from "../sync/tenant-tokens";

const CONTACTS_PER_CALL = 100;

export type PortalBatch<T> = { signupIds: string[]; value: T };

/** null: nothing to do, no usable token, no slot within `maxWaitMs`, or HubSpot refused the call. */
export async function pacedPortalBatch<T>(
  deps: ConsentDeps,
  portal: Portal,
  step: {
    /** Which of the connection's signups still need the call (the connection and a contact id are added). */
    where: Prisma.SignupWhereInput;
    maxWaitMs: number;
    call: (accessToken: string, contactIds: string[]) => Promise<ConsentReply<T>>;
  },
): Promise<PortalBatch<T> | null> {
  const signups = await deps.db.signup.findMany({
    where: { ...step.where, connectionId: portal.connectionId, erasedAt: null, hubspotContactId: { not: null } },
    select: { id: true, hubspotContactId: true },
    orderBy: { syncedAt: "asc" },
    take: CONTACTS_PER_CALL,
  });
  if (signups.length === 0) return null;
  let accessToken: string;
  try {
    accessToken = await cachedAccessToken(deps, portal.connectionId);
  } catch {
    // The token step marks the connection; the next pass finds it again once reconnected.
    return null;
  }
  const contactIds = [...new Set(signups.map((signup) => signup.hubspotContactId!))];
  const reply = await pacedCall(deps, portal, 1, step.maxWaitMs, () => step.call(accessToken, contactIds));
  if (isNoSlot(reply) || !reply.ok) return null;
  return { signupIds: signups.map((signup) => signup.id), value: reply.value };
}
