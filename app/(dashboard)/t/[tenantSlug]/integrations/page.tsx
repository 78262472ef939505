// Placeholder landing page of a tenant until the HubSpot connections UI lands (owned by the
// connections engineer, who replaces this file).
import type { Metadata } from "next";
import { requireTenantAccess } from "@/lib/tenancy/guard";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const { tenant } = await requireTenantAccess(tenantSlug);

  return (
    <section aria-labelledby="integrations-heading" className="space-y-6">
      <h1 id="integrations-heading" className="text-2xl font-semibold text-slate-900">
        Integrations
      </h1>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <h2 className="text-lg font-medium text-slate-900">No integrations yet</h2>
        <p className="mt-2 text-slate-700">Connected HubSpot portals of {tenant.name} will appear here.</p>
      </div>
    </section>
  );
}
