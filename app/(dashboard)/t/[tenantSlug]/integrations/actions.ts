"use server";
// Server actions of the integrations page, each through the one tenant-action wrapper (OWNER/ADMIN
// of the tenant named in the form), then the flow scoped to that tenant's id.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { chooseNewsletterDestination } from "@switchboard/lib/integrations/flows/choose-newsletter-destination";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import { sendTestContact } from "@switchboard/lib/integrations/flows/send-test-contact";
import { ConnectionNotFoundError, startConnect } from "@switchboard/lib/integrations/flows/start-connect";
import { testConnection } from "@switchboard/lib/integrations/flows/test-connection";
import { HubspotNotConfiguredError } from "@switchboard/lib/integrations/hubspot/config";
import { HUBSPOT_PROVIDER_ID } from "@switchboard/lib/integrations/hubspot/provider";
import { createConnectSession } from "@switchboard/lib/integrations/connect-sessions/create-connect-session";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { tenantAction, type TenantActionContext } from "@/web/tenant-action";

const connection = { connectionId: z.string().trim().min(1).max(100) };
const pageOf = (tenant: TenantActionContext["tenant"]) => `/t/${tenant.slug}/integrations`;

// Connect and Reconnect are plain form posts that navigate: their refusals come back as page notices.
async function beginAuthorization({ actor, tenant }: TenantActionContext, connectionId?: string): Promise<never> {
  let authorizeUrl: string;
  try {
    ({ authorizeUrl } = await startConnect(
      db,
      actor,
      tenant,
      { provider: HUBSPOT_PROVIDER_ID, ...(connectionId ? { connectionId } : {}) },
      processRuntime().integrations,
    ));
  } catch (error) {
    if (error instanceof HubspotNotConfiguredError) redirect(`${pageOf(tenant)}?notice=not_configured`);
    if (error instanceof ConnectionNotFoundError) redirect(`${pageOf(tenant)}?notice=connection_missing`);
    throw error;
  }
  redirect(authorizeUrl);
}

export const connectHubspot = tenantAction({ minRole: "ADMIN", fields: {} }, (_input, context) => beginAuthorization(context));

export const reconnectHubspot = tenantAction({ minRole: "ADMIN", fields: connection }, ({ connectionId }, context) =>
  beginAuthorization(context, connectionId),
);

export const disconnectHubspot = tenantAction({ minRole: "ADMIN", fields: connection }, async ({ connectionId }, { actor, tenant }) => {
  const result = await disconnectConnection(db, actor, tenant, { connectionId }, processRuntime().integrations);
  revalidatePath(pageOf(tenant));
  if (!result.ok) redirect(`${pageOf(tenant)}?notice=connection_missing`);
  const notice = result.uninstalled ? "disconnected_uninstalled" : result.revoked ? "disconnected" : "disconnected_unconfirmed";
  redirect(`${pageOf(tenant)}?${new URLSearchParams({ notice, portal: result.portalId }).toString()}`);
});

export const testHubspotConnection = tenantAction({ minRole: "ADMIN", fields: connection }, async ({ connectionId }, { actor, tenant }) => {
  const result = await testConnection(db, actor, tenant, { connectionId }, processRuntime().integrations);
  revalidatePath(pageOf(tenant));
  return result;
});

export const sendHubspotTestContact = tenantAction(
  { minRole: "ADMIN", fields: connection },
  async ({ connectionId }, { actor, tenant }) => {
    const result = await sendTestContact(db, actor, tenant, { connectionId }, processRuntime().integrations);
    revalidatePath(pageOf(tenant));
    return result;
  },
);

export const chooseNewsletterPortal = tenantAction(
  { minRole: "ADMIN", fields: connection },
  async ({ connectionId }, { actor, tenant }) => {
    const result = await chooseNewsletterDestination(db, actor, tenant, { connectionId });
    revalidatePath(pageOf(tenant));
    return result;
  },
);

// "Copy connect link": a single-use hosted connect page for a colleague without a Switchboard account.
export const createConnectLink = tenantAction(
  { minRole: "ADMIN", fields: { connectionId: z.string().trim().max(100).optional() } },
  async ({ connectionId }, { actor, tenant }) => {
    const appUrl = processRuntime().env.APP_URL;
    const created = await createConnectSession(db, appUrl, {
      tenantId: tenant.id,
      connectionId: connectionId || undefined,
      returnUrl: new URL("/connect/finished", appUrl).toString(),
      createdByLabel: actor.label,
    });
    return {
      ok: true,
      message: "Connect link created: it works once, for 30 minutes. Send it only to the person who will connect.",
      reveal: created.url,
    };
  },
);
