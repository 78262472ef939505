// The front door: signed-in users go to their first tenant's landing page, everyone else signs in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/web/auth";
import { listTenantsForUser } from "@/web/tenant-guard";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const metadata: Metadata = { title: "No tenants yet" };

export default async function HomePage() {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/login");

  const tenants = await listTenantsForUser(userId);
  const first = tenants[0];
  if (first) redirect(`/t/${first.slug}/integrations`);

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">You don&apos;t belong to a tenant yet</h1>
      <p className="text-slate-700">Signed in as {session?.user?.email}. Ask an owner of your organization to add you as a member.</p>
      <SignOutButton className="self-start rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100" />
    </main>
  );
}
