// Developers: API keys for the host's backend (/api/v1) and webhook endpoints that hear about
// changes. OWNER/ADMIN only; everyone else gets the 404 page.
import type { Metadata } from "next";
import { listApiKeys } from "@switchboard/lib/api-keys/manage-api-keys";
import { describeScope, tenantKeyScopes } from "@switchboard/lib/api-keys/scopes";
import { db } from "@switchboard/lib/db";
import { requireTenantAccess } from "@/web/tenant-guard";
import { ApiKeyList } from "./api-key-list";
import { CreateKeyForm } from "./create-key-form";
import { createTenantApiKey } from "./key-actions";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage({ params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const { tenant } = await requireTenantAccess(tenantSlug, { minRole: "ADMIN" });
  const keys = await listApiKeys(db, tenant.id);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Developers</h1>
        <p className="text-slate-700">
          Call Switchboard from your backend with an API key (see the <a className="text-indigo-800 underline" href="/docs/api">API reference</a>).
        </p>
      </header>
      <section aria-labelledby="keys-heading" className="space-y-4">
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">API keys</h2>
        <ApiKeyList keys={keys} tenantSlug={tenant.slug} />
        <CreateKeyForm action={createTenantApiKey} tenantSlug={tenant.slug}
          scopes={tenantKeyScopes.map((scope) => ({ value: scope, description: describeScope(scope) }))} />
      </section>
    </div>
  );
}
