"use server";
// Server actions of the integrations page. Each one re-checks that the caller is an OWNER/ADMIN
// of the tenant named in the form, then runs the flow scoped to that tenant's id.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@switchboard/lib/db";
import { log } from "@switchboard/lib/log";
import { requireTenantAccess } from "@/web/tenant-guard";
import { HubspotNotConfiguredError } from "@switchboard/lib/integrations/hubspot/config";
import { HUBSPOT_PROVIDER_ID } from "@switchboard/lib/integrations/hubspot/provider";
import { defaultIntegrationServices } from "@switchboard/lib/integrations/services";
import { startConnect, ConnectionNotFoundError } from "@switchboard/lib/integrations/flows/start-connect";
import { disconnectConnection } from "@switchboard/lib/integrations/flows/disconnect-connection";
import { testConnection } from "@switchboard/lib/integrations/flows/test-connection";
import { sendTestContact } from "@switchboard/lib/integrations/flows/send-test-contact";
import { chooseNewsletterDestination } from "@switchboard/lib/integrations/flows/choose-newsletter-destination";
import { actorFromUser } from "@switchboard/lib/integrations/flows/types";

export type ActionState = { ok: boolean; message: string; at: number } | null;

const tenantForm = z.object({ tenantSlug: z.string().trim().min(1).max(100) });
const connectionForm = tenantForm.extend({ connectionId: z.string().trim().min(1).max(100) });

async function adminContext(formData: FormData, withConnection: boolean) {
  const parsed = (withConnection ? connectionForm : tenantForm).safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const access = await requireTenantAccess(parsed.data.tenantSlug, { minRole: "ADMIN" });
  const connectionId = "connectionId" in parsed.data ? String(parsed.data.connectionId) : undefined;
  return {
    actor: actorFromUser(access.user),
    tenant: { id: access.tenant.id, slug: access.tenant.slug },
    connectionId,
    page: `/t/${access.tenant.slug}/integrations`,
  };
}

async function beginAuthorization(formData: FormData, reconnect: boolean): Promise<never> {
  const { actor, tenant, connectionId, page } = await adminContext(formData, reconnect);
  let authorizeUrl: string;
  try {
    ({ authorizeUrl } = await startConnect(
      db, actor, tenant, { provider: HUBSPOT_PROVIDER_ID, ...(connectionId ? { connectionId } : {}) }, defaultIntegrationServices(),
    ));
  } catch (error) {
    if (error instanceof HubspotNotConfiguredError) redirect(`${page}?notice=not_configured`);
    if (error instanceof ConnectionNotFoundError) redirect(`${page}?notice=connection_missing`);
    throw error;
  }
  redirect(authorizeUrl);
}

export async function connectHubspot(formData: FormData): Promise<void> {
  await beginAuthorization(formData, false);
}

export async function reconnectHubspot(formData: FormData): Promise<void> {
  await beginAuthorization(formData, true);
}

export async function disconnectHubspot(formData: FormData): Promise<void> {
  const { actor, tenant, connectionId, page } = await adminContext(formData, true);
  const result = await disconnectConnection(db, actor, tenant, { connectionId: connectionId ?? "" }, defaultIntegrationServices());
  revalidatePath(page);
  if (!result.ok) redirect(`${page}?notice=connection_missing`);
  const notice = result.revoked ? "disconnected" : "disconnected_unconfirmed";
  redirect(`${page}?${new URLSearchParams({ notice, portal: result.portalId }).toString()}`);
}

async function runConnectionAction(
  formData: FormData,
  flow: (ctx: Awaited<ReturnType<typeof adminContext>>) => Promise<{ ok: boolean; message: string }>,
): Promise<ActionState> {
  const ctx = await adminContext(formData, true);
  try {
    const result = await flow(ctx);
    return { ok: result.ok, message: result.message, at: Date.now() };
  } catch (error) {
    log.error("integration action failed", { tenantId: ctx.tenant.id, error });
    return { ok: false, message: "Something went wrong on our side; nothing was changed. Please try again.", at: Date.now() };
  } finally {
    revalidatePath(ctx.page);
  }
}

export async function testHubspotConnection(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runConnectionAction(formData, ({ actor, tenant, connectionId }) =>
    testConnection(db, actor, tenant, { connectionId: connectionId ?? "" }, defaultIntegrationServices()),
  );
}

export async function sendHubspotTestContact(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runConnectionAction(formData, ({ actor, tenant, connectionId }) =>
    sendTestContact(db, actor, tenant, { connectionId: connectionId ?? "" }, defaultIntegrationServices()),
  );
}

export async function chooseNewsletterPortal(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runConnectionAction(formData, ({ actor, tenant, connectionId }) =>
    chooseNewsletterDestination(db, actor, tenant, { connectionId: connectionId ?? "" }),
  );
}
