// /connect/{token} — the hosted connect page of a connect session: no Switchboard sign-in. It names
// the tenant, what will be connected and why each HubSpot permission is asked for; "Connect HubSpot"
// is a plain form post (works without JavaScript). Reading the page never uses up the link.
import type { Metadata } from "next";
import { db, processRuntime } from "@switchboard/lib/runtime/process-runtime";
import { explainScopes } from "@switchboard/lib/integrations/connect-sessions/scope-reasons";
import { readConnectSession } from "@switchboard/lib/integrations/connect-sessions/use-connect-session";
import { HUBSPOT_PROVIDER_ID } from "@switchboard/lib/integrations/hubspot/provider";
import { SessionProblemNotice } from "./session-problem";

export const metadata: Metadata = { title: "Connect HubSpot", referrer: "no-referrer", robots: { index: false } };

type PageProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConnectPage({ params, searchParams }: PageProps) {
  const { token } = await params;
  const mode = (await searchParams).mode === "popup" ? "popup" : "redirect";
  const read = await readConnectSession(db, token);
  if (!read.ok) return <SessionProblemNotice problem={read.problem} />;
  const { session } = read;
  const provider = processRuntime().integrations.provider(HUBSPOT_PROVIDER_ID);
  const scopes = explainScopes(provider.requiredScopes, provider.optionalScopes);
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">
        {session.reconnectPortalId ? `Reconnect HubSpot for ${session.tenantName}` : `Connect HubSpot to ${session.tenantName}`}
      </h1>
      <p className="mb-4 text-slate-800">
        {session.reconnectPortalId
          ? `This renews ${session.tenantName}'s access to HubSpot portal ${session.reconnectPortalId}. Pick that same portal at HubSpot; its settings and history stay as they are.`
          : `${session.tenantName} will send newsletter signups to the HubSpot portal you choose at HubSpot.`}{" "}
        Afterwards you go back to {session.returnOrigin}.
      </p>
      <h2 className="mb-2 text-lg font-semibold text-slate-900">What HubSpot will ask you to allow</h2>
      <ul className="mb-6 space-y-2 text-sm text-slate-800">
        {scopes.map((scope) => (
          <li key={scope.scope}>
            <code className="font-mono text-slate-900">{scope.scope}</code>
            {scope.optional ? " (optional)" : ""}: {scope.reason}
          </li>
        ))}
      </ul>
      <form method="post" action={`/connect/${token}/start`}>
        <input type="hidden" name="mode" value={mode} />
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800">
          Connect HubSpot
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-700">
        This link works once and expires at {session.expiresAt.toISOString().slice(11, 16)} UTC.
      </p>
    </main>
  );
}
