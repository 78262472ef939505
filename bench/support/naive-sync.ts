// The design the tutorials show: one POST /crm/v3/objects/contacts per signup, sent as fast as the
// portal allows (a correct client that waits on 429), to another portal of the same simulator.
import type { Db } from "@switchboard/lib/db/create-client";
import { getValidAccessToken } from "@switchboard/lib/integrations/tokens/access-token";
import { actorFromUser } from "@switchboard/lib/integrations/flows/types";
import { hubspotClient } from "@switchboard/lib/integrations/hubspot/client";
import { connectPortal } from "@/tests/helpers/connect-portal";
import { round } from "./load-generator";

const NAIVE_PORTAL = 70001;

export async function runNaiveSync(db: Db, tenantId: string, seconds: number) {
  const admin = await db.membership.findFirstOrThrow({ where: { tenantId }, select: { tenant: { select: { id: true, slug: true } }, user: true } });
  const { connectionId } = await connectPortal({ db, tenant: admin.tenant }, { actor: actorFromUser(admin.user), portalId: NAIVE_PORTAL });
  const client = hubspotClient(await getValidAccessToken(db, connectionId));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let contacts = 0;
  let rateLimited429 = 0;
  for (let index = 0; performance.now() < deadline; ) {
    try {
      await client.crm.contacts.basicApi.create({ properties: { email: `naive${index}@example.com`, firstname: `Reader ${index}` }, associations: [] });
      contacts++;
      index++;
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code !== 429) throw error;
      rateLimited429++;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  return { seconds: round(elapsed), contacts, contactsPerSecond: round(contacts / elapsed), rateLimited429 };
}
