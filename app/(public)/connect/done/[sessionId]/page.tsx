// /connect/done/{session} — the popup's last page: posts the result to the window that opened it,
// addressed to the session's returnUrl origin only (never to whatever origin the opener has now),
// then closes. Without an opener it goes on to the returnUrl like redirect mode.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@switchboard/lib/runtime/process-runtime";
import {
  finishedPopupSession,
  returnLocation,
  type SessionResult,
} from "@switchboard/lib/integrations/connect-sessions/use-connect-session";

export const metadata: Metadata = { title: "Connecting HubSpot", referrer: "no-referrer", robots: { index: false } };

type PageProps = { params: Promise<{ sessionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Only values Switchboard itself puts here; anything else is dropped.
function resultFrom(query: Record<string, string | string[] | undefined>): SessionResult | null {
  const id = query.connection_id,
    status = query.status,
    error = query.error;
  if (typeof id === "string" && /^[\w-]{1,100}$/.test(id) && (status === "connected" || status === "reconnected"))
    return { connection_id: id, status };
  if (typeof error === "string" && /^[a-z_]{1,40}$/.test(error)) return { error };
  return null;
}

export default async function ConnectDonePage({ params, searchParams }: PageProps) {
  const session = await finishedPopupSession(db, (await params).sessionId);
  const result = resultFrom(await searchParams);
  if (!session || !result) notFound();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const href = returnLocation(session.returnUrl, result);
  const message = { type: "switchboard:connect", ...result };
  // "<" escaped: the JSON cannot close its script element.
  const data = JSON.stringify({ origin: session.returnOrigin, message, href }).replace(/</g, "\\u003c");
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">
        {"error" in result ? "HubSpot was not connected" : "HubSpot is connected"}
      </h1>
      <p className="text-slate-800">
        You can close this window.{" "}
        <a className="underline" href={href}>
          Return to {session.returnOrigin}
        </a>
      </p>
      <script id="switchboard-connect-result" type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: data }} />
      <script
        nonce={nonce}
        dangerouslySetInnerHTML={{
          __html:
            "(function(){var d=JSON.parse(document.getElementById('switchboard-connect-result').textContent);" +
            "if(window.opener&&!window.opener.closed){window.opener.postMessage(d.message,d.origin);window.close();}else{location.replace(d.href);}})();",
        }}
      />
    </main>
  );
}
