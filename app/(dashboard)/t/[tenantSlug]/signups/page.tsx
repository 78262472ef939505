// Signups dashboard: status counts and the 30-day chart (from maintained counters), the signups
// page by page (keyset) with a status filter, email search and CSV export, Retry for failures,
// and (admins) the public form's settings and embeddable snippets.
import type { Metadata } from "next";
import Link from "next/link";
import { listTenantActivity, SIGNUP_AUDIT_ACTIONS } from "@switchboard/lib/audit/list-audit-events";
import { listSignups, signupListQuerySchema } from "@switchboard/lib/signups/dashboard/list-signups";
import { parseAllowedOrigins } from "@switchboard/lib/signups/intake/public-tenant";
import { countSignupsByStatus, destinationSummary, signupsPerDay } from "@switchboard/lib/signups/dashboard/signup-overview";
import { CONSENT_TEXT_MAX_LENGTH } from "@switchboard/lib/signups/consent/consent-text";
import { roleAtLeast } from "@switchboard/lib/tenancy/roles";
import { requireTenantAccess } from "@/web/tenant-guard";
import { ActionButton } from "@/components/form/action-button";
import { ActivityFeed } from "../activity-feed";
import { retryAllFailed, updateSignupSettings } from "./actions";
import { EmbedSnippet } from "./embed-snippet";
import { LiveRefresh } from "./live-refresh";
import { SettingsForm } from "./settings-form";
import { SignupFilters } from "./signup-filters";
import { SignupsChart } from "./signups-chart";
import { SignupTable } from "./signup-table";
import { StatusCountsPanel } from "./status-counts";
import { HubspotConsentSection } from "./hubspot-consent-section";
import { runtimeChoiceCollaborators } from "@switchboard/lib/signups/consent/choice-collaborators";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { marketingSentence, marketingSummary, MARKETING_CONTACTS_EXPLANATION } from "@switchboard/lib/signups/consent/consent-summary";
import { loadSubscriptionTypeChoice, type SubscriptionTypeChoice } from "@switchboard/lib/signups/consent/newsletter-subscription-type";
import { loadListChoice, type ListChoice } from "@switchboard/lib/signups/consent/newsletter-list";
import { loadPortalProperties, runtimeFieldMapping, type PortalProperties } from "@switchboard/lib/signups/fields/field-mapping";
import { enabledFields, parseSignupFields } from "@switchboard/lib/signups/fields/signup-fields";
import { FormFieldsSection } from "./form-fields-section";

export const metadata: Metadata = { title: "Signups" };

type SignupsPageProps = { params: Promise<{ tenantSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignupsPage({ params, searchParams }: SignupsPageProps) {
  const { tenantSlug } = await params;
  const raw = await searchParams;
  const query = signupListQuerySchema.parse({ status: first(raw.status), q: first(raw.q), after: first(raw.after) });
  const { tenant, role } = await requireTenantAccess(tenantSlug);
  const canManage = roleAtLeast(role, "ADMIN");
  const env = processRuntime().env;
  const [counts, days, signups, destination, settings] = await Promise.all([
    countSignupsByStatus(db, tenant.id),
    signupsPerDay(db, tenant.id),
    listSignups(db, tenant.id, query),
    destinationSummary(db, tenant.id),
    db.tenant.findUniqueOrThrow({
      where: { id: tenant.id },
      select: { consentText: true, allowedOrigins: true, doubleOptIn: true, signupFields: true },
    }),
  ]);
  const signupFields = parseSignupFields(settings.signupFields);
  const publicPage = `${env.APP_URL}/subscribe/${tenant.slug}`;
  const [marketing, subscriptionChoice, listChoice, portalProperties] = await Promise.all([
    marketingSummary(db, { tenantId: tenant.id }),
    canManage ? subscriptionTypeChoice(tenant.id) : Promise.resolve(null),
    canManage ? newsletterListChoice(tenant.id) : Promise.resolve(null),
    canManage ? contactProperties(tenant.id) : Promise.resolve(null),
  ]);
  return (
    <div className="space-y-8">
      <LiveRefresh />
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Signups</h1>
        <p className="text-slate-700">
          Public form:{" "}
          <a className="text-indigo-800 underline" href={publicPage}>
            {publicPage}
          </a>
        </p>
        {destination !== "connected" && (
          <p data-testid="destination-banner" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
            {destination === "not-connected" ? "HubSpot is not connected: " : "HubSpot needs to be reconnected: "}
            new signups are kept safely as Pending and are sent as soon as you{" "}
            <Link className="underline" href={`/t/${tenant.slug}/integrations`}>
              {destination === "not-connected" ? "connect" : "reconnect"} HubSpot
            </Link>
            .
          </p>
        )}
      </header>
      <StatusCountsPanel counts={counts} />
      {marketingSentence(marketing) ? (
        <p data-testid="marketing-summary" className="text-sm text-slate-800">
          <strong>{marketingSentence(marketing)}.</strong> {MARKETING_CONTACTS_EXPLANATION}
        </p>
      ) : null}
      <SignupsChart days={days} />
      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold text-slate-900">
            {query.after ? "Signups" : "Latest signups"}
          </h2>
          {canManage && counts.FAILED > 0 && (
            <ActionButton
              action={retryAllFailed}
              fields={{ tenantSlug: tenant.slug }}
              buttonClassName="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
            >
              Retry all failed
            </ActionButton>
          )}
        </div>
        <SignupFilters tenantSlug={tenant.slug} query={query} />
        <SignupTable signups={signups.items} tenantSlug={tenant.slug} canManage={canManage} hubspotAppUrl={env.HUBSPOT_AUTH_BASE_URL} />
        <nav aria-label="Signup pages" className="flex gap-4 text-sm font-semibold text-indigo-800">
          {query.after && (
            <Link className="underline" href={pageHref(tenant.slug, query, undefined)}>
              First page
            </Link>
          )}
          {signups.next && (
            <Link className="underline" href={pageHref(tenant.slug, query, signups.next)} data-testid="signups-next">
              Next page
            </Link>
          )}
        </nav>
      </section>
      {canManage && (
        <>
          <section aria-labelledby="settings-heading" className="space-y-3">
            <h2 id="settings-heading" className="text-lg font-semibold text-slate-900">
              Form settings
            </h2>
            <SettingsForm
              action={updateSignupSettings}
              tenantSlug={tenant.slug}
              consentText={settings.consentText}
              doubleOptIn={settings.doubleOptIn}
              allowedOrigins={settings.allowedOrigins}
              consentTextMaxLength={CONSENT_TEXT_MAX_LENGTH}
            />
          </section>
          <FormFieldsSection tenantSlug={tenant.slug} fields={signupFields} portal={portalProperties} />
          <HubspotConsentSection tenantSlug={tenant.slug} choice={subscriptionChoice} lists={listChoice} />
          <section aria-labelledby="embed-heading" className="space-y-3">
            <h2 id="embed-heading" className="text-lg font-semibold text-slate-900">
              Embed on your website
            </h2>
            <EmbedSnippet
              endpoint={`${env.APP_URL}/api/subscribe/${tenant.slug}`}
              publicPage={publicPage}
              consentText={settings.consentText}
              allowedOrigins={parseAllowedOrigins(settings.allowedOrigins)}
              fields={enabledFields(signupFields).map((field) => ({
                name: field.key,
                label: field.label,
                options: field.mapping.options ?? null,
              }))}
            />
          </section>
          <ActivityFeed
            events={await listTenantActivity(db, tenant.id, SIGNUP_AUDIT_ACTIONS)}
            headingId="signup-activity-heading"
            testId="signup-activity"
            actionNames={{ signup_retry: "Retry", signup_settings: "Settings changed" }}
          />
        </>
      )}
    </div>
  );
}

// The portal's subscription types and static lists (one HubSpot call each); HubSpot not configured means nothing to choose.
const hubspotCollaborators = () => runtimeChoiceCollaborators(processRuntime());

async function subscriptionTypeChoice(tenantId: string): Promise<SubscriptionTypeChoice | null> {
  return processRuntime().env.HUBSPOT_CLIENT_ID ? loadSubscriptionTypeChoice(db, tenantId, hubspotCollaborators()) : null;
}

async function newsletterListChoice(tenantId: string): Promise<ListChoice | null> {
  return processRuntime().env.HUBSPOT_CLIENT_ID ? loadListChoice(db, tenantId, hubspotCollaborators()) : null;
}

async function contactProperties(tenantId: string): Promise<PortalProperties | null> {
  return processRuntime().env.HUBSPOT_CLIENT_ID ? loadPortalProperties(db, tenantId, runtimeFieldMapping(processRuntime())) : null;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pageHref(tenantSlug: string, query: { status?: string; q?: string }, after: string | undefined): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.q) params.set("q", query.q);
  if (after) params.set("after", after);
  return `/t/${tenantSlug}/signups${params.size > 0 ? `?${params}` : ""}`;
}
