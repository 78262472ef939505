// Public newsletter signup page for one tenant; no login, works without JavaScript.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@switchboard/lib/db";
import { findPublicTenant } from "@switchboard/lib/signups/intake/public-tenant";
import { subscribe } from "./actions";
import { SignupForm } from "./signup-form";
import { ThankYou } from "./thank-you";

type PageProps = {
  params: Promise<{ tenantSlug: string }>;
  searchParams: Promise<{ subscribed?: string }>;
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const tenant = await findPublicTenant(db, (await params).tenantSlug);
  return { title: tenant ? `Subscribe to ${tenant.name}` : "Newsletter not found" };
}

export default async function SubscribePage({ params, searchParams }: PageProps) {
  const { tenantSlug } = await params;
  const tenant = await findPublicTenant(db, tenantSlug);
  if (!tenant) notFound();
  const cameFromEmbed = (await searchParams).subscribed === "1";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">{tenant.name} newsletter</h1>
      {cameFromEmbed ? (
        <ThankYou tenantName={tenant.name} />
      ) : (
        <>
          <p className="mb-6 text-slate-700">Get our updates by email. We only need your address.</p>
          <SignupForm action={subscribe} tenantSlug={tenant.slug} consentText={tenant.consentText} tenantName={tenant.name} />
        </>
      )}
    </main>
  );
}
