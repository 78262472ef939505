// /connect/finished — where a connect link from the dashboard ("Copy connect link") ends: the person
// who used it has no Switchboard account, so this page only says how it went.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Connecting HubSpot", robots: { index: false } };

const errors: Record<string, string> = {
  access_denied: "You cancelled at HubSpot, so nothing was connected.",
  session_expired: "The link expired before HubSpot answered. Ask for a new link.",
  wrong_portal:
    "You picked a different HubSpot portal than the one to reconnect. Nothing changed; ask for a new link and pick the same portal.",
  missing_required_scopes: "HubSpot did not grant the permissions needed. Ask a HubSpot super admin to connect.",
};

export default async function ConnectFinishedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const error = typeof query.error === "string" ? query.error : null;
  const reconnected = query.status === "reconnected";
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">
        {error ? "HubSpot was not connected" : reconnected ? "HubSpot is reconnected" : "HubSpot is connected"}
      </h1>
      <p className="text-slate-800" data-testid="connect-finished">
        {error
          ? (errors[error] ?? "HubSpot did not finish connecting. Nothing was saved; ask for a new link and try again.")
          : "Thank you. You can close this page."}
      </p>
    </main>
  );
}
