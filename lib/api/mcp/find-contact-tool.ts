// find_contact: one contact by email, read through the tenant's own portal (its newsletter
// destination unless a connectionId is named), with the portal's shared call budget: a lookup waits
// its turn behind the sync instead of sending HubSpot a request it would refuse.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { getValidAccessToken } from "@/lib/integrations/tokens/access-token";
import { NeedsReconnectError, ProviderUnavailableError } from "@/lib/integrations/errors";
import type { Runtime } from "@/lib/runtime/runtime";
import { resolveDestination } from "@/lib/signups/sync/destination";
import type { TenantCaller } from "./tenant-caller";

// Longer than one rate window: a lookup that waits for its slot still answers the agent.
const MAX_SLOT_WAIT_MS = 11_000;

export const findContactInput = {
  email: z.email("Enter a valid email address.").max(254),
  connectionId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("Which connection's portal to ask; the tenant's newsletter portal by default"),
};

export const findContactOutput = {
  connectionId: z.string(),
  portalId: z.string(),
  found: z.boolean(),
  contact: z
    .object({
      id: z.string(),
      email: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      marketingContact: z
        .boolean()
        .nullable()
        .describe("Whether HubSpot counts it as a marketing contact (only those receive marketing email)"),
      createdAt: z.string().nullable(),
    })
    .nullable(),
};

type Input = { email: string; connectionId?: string | undefined };

export async function findContact(runtime: Runtime, caller: TenantCaller, input: Input) {
  const { db } = runtime;
  const connection = input.connectionId
    ? await db.connection.findFirst({
        where: { id: input.connectionId, tenantId: caller.tenantId },
        select: { id: true, portalId: true, provider: true },
      })
    : await destinationConnection(runtime, caller.tenantId);
  if (!connection) throw AppError.notFound("That connection");
  const provider = runtime.providers.get(connection.provider);
  try {
    const accessToken = await getValidAccessToken(db, connection.id, runtime.integrations);
    const permit = await runtime.portalPacer.acquire(connection.portalId, MAX_SLOT_WAIT_MS);
    if (!permit.ok)
      throw new AppError("rate_limited", `This portal's HubSpot budget is in use; try again in ${Math.ceil(permit.waitMs / 1000)} s.`);
    try {
      const lookup = await provider.findContact(accessToken, input.email);
      if (lookup.rateLimit) await runtime.portalPacer.learn(connection.portalId, lookup.rateLimit);
      return { connectionId: connection.id, portalId: connection.portalId, found: lookup.contact !== null, contact: lookup.contact };
    } finally {
      await runtime.portalPacer.settle(connection.portalId, permit.takenAt);
    }
  } catch (error) {
    if (error instanceof NeedsReconnectError)
      throw new AppError("conflict", "This connection must be reconnected by a tenant admin first.", { reason: error.message });
    if (error instanceof ProviderUnavailableError)
      throw new AppError("unavailable", `HubSpot is not answering right now: ${error.message}`);
    throw error;
  }
}

async function destinationConnection(runtime: Runtime, tenantId: string) {
  const destination = await resolveDestination(runtime.db, tenantId);
  if (!destination) return null;
  return runtime.db.connection.findFirst({
    where: { id: destination.connectionId, tenantId },
    select: { id: true, portalId: true, provider: true },
  });
}
