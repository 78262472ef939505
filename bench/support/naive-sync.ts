// The design the tutorials show: one POST /crm/objects/…/contacts per signup, sent as fast as the
// portal allows (a correct client that waits on 429), to another portal of the same simulator. It
// goes through the app's own HubSpot HTTP client, so only the design differs, not the plumbing.
import type { Db } from "@switchboard/lib/db/create-client";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { actorFromUser } from "@switchboard/lib/integrations/flows/types";
import { hubspotPaths } from "@switchboard/lib/integrations/hubspot/api-paths";
import { hubspotRequest } from "@switchboard/lib/integrations/hubspot/hubspot-http";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { round } from "./load-generator";

/** A portal of its own (every scope granted), so the naive loop never shares a window with the batch runs. */
export const NAIVE_PORTAL = 80001;

export async function runNaiveSync(db: Db, tenantId: string, seconds: number, apiBaseUrl: string) {
  const admin = await db.membership.findFirstOrThrow({
    where: { tenantId },
    select: { tenant: { select: { id: true, slug: true } }, user: true },
  });
  const { connectionId } = await connectPortal({ db, tenant: admin.tenant }, { actor: actorFromUser(admin.user), portalId: NAIVE_PORTAL });
  const accessToken = await getValidAccessToken(db, connectionId);
  const http = { apiBaseUrl, requestTimeoutMs: 15_000 };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let contacts = 0;
  let rateLimited429 = 0;
  for (let index = 0; performance.now() < deadline;) {
    const reply = await hubspotRequest(http, {
      method: "POST",
      path: hubspotPaths.contacts,
      accessToken,
      json: { properties: { email: `naive${index}@example.com`, firstname: `Reader ${index}` }, associations: [] },
    });
    if (reply.status === 201) {
      contacts++;
      index++;
    } else if (reply.status === 429) {
      rateLimited429++;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } else {
      throw new Error(`the simulator answered a create with ${reply.status}`);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  return { seconds: round(elapsed), contacts, contactsPerSecond: round(contacts / elapsed), rateLimited429 };
}
