// Public newsletter signup page for one tenant; no login, works without JavaScript. With ?embed=1
// it is the compact form for the tenant's <iframe> (frameable by its allowed origins, proxy.ts), and
// with &origin= naming one of those origins it keeps the frame sized to its content.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { findPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import { enabledFields } from "@switchboard/lib/signups/fields/signup-fields";
import { subscribe } from "./actions";
import { FrameResizer } from "./frame-resizer";
import { SignupForm } from "./signup-form";
import { ThankYou } from "./thank-you";

type PageProps = {
  params: Promise<{ tenantSlug: string }>;
  searchParams: Promise<{ subscribed?: string; embed?: string; origin?: string }>;
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const tenant = await findPublicTenant(db, (await params).tenantSlug);
  return { title: tenant ? `Subscribe to ${tenant.name}` : "Newsletter not found" };
}

export default async function SubscribePage({ params, searchParams }: PageProps) {
  const { tenantSlug } = await params;
  const tenant = await findPublicTenant(db, tenantSlug);
  if (!tenant) notFound();
  const query = await searchParams;
  const cameFromEmbed = query.subscribed === "1";
  const framed = query.embed === "1";
  // Only an origin the tenant allowed may hear from the frame (the same list frame-ancestors uses).
  const parentOrigin = framed && query.origin && tenant.allowedOrigins.includes(query.origin) ? query.origin : null;
  const fields = enabledFields(tenant.signupFields).map(({ key, label, max, mapping }) => ({
    key,
    label,
    max,
    options: mapping.options ?? null,
  }));
  return (
    <main className={framed ? "mx-auto max-w-md px-4 py-4" : "mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12"}>
      {parentOrigin && <FrameResizer parentOrigin={parentOrigin} />}
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">{tenant.name} newsletter</h1>
      {cameFromEmbed ? (
        <ThankYou tenantName={tenant.name} doubleOptIn={tenant.doubleOptIn} />
      ) : (
        <>
          <p className="mb-6 text-slate-700">
            Get our updates by email. {fields.length === 0 ? "We only need your address." : "Only your address is required."}
          </p>
          <SignupForm
            action={subscribe}
            tenantSlug={tenant.slug}
            consentText={tenant.consentText}
            tenantName={tenant.name}
            doubleOptIn={tenant.doubleOptIn}
            fields={fields}
          />
        </>
      )}
    </main>
  );
}
