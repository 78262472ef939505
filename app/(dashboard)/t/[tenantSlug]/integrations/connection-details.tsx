// The facts of one connection: portal, scopes, who authorized it, token lifetime, last test.
import type { ConnectionView } from "@switchboard/lib/integrations/view/load-integrations-view";
import { formatDate, formatScopes } from "./format";

export function ConnectionDetails({ connection }: { connection: ConnectionView }) {
  const { scopes, lastTest } = connection;
  const rows: Array<[string, React.ReactNode]> = [
    [
      "Portal ID",
      <span key="p" data-testid="portal-id">
        {connection.portalId}
      </span>,
    ],
    ["Domain", connection.domain ?? "unknown"],
    ["Granted scopes", formatScopes(scopes.granted)],
    ["Missing required scopes", formatScopes(scopes.missingRequired)],
    ["Missing optional scopes", formatScopes(scopes.missingOptional)],
    [
      "Connected by",
      `${connection.connectedBy ?? "unknown"} on ${formatDate(connection.connectedAt)}` +
        (connection.hubspotUser ? ` (HubSpot user ${connection.hubspotUser})` : ""),
    ],
    ["Access token expires", connection.accessTokenExpiresAt ? formatDate(connection.accessTokenExpiresAt) : "unknown"],
    ["Last token refresh", connection.lastRefreshedAt ? formatDate(connection.lastRefreshedAt) : "never"],
    [
      "Last test",
      lastTest ? (
        <span key="t" data-testid="last-test">
          {lastTest.ok ? "Passed" : "Failed"}
          {lastTest.latencyMs !== null ? ` in ${lastTest.latencyMs} ms` : ""} on {formatDate(lastTest.at)}
          {lastTest.message ? ` — ${lastTest.message}` : ""}
        </span>
      ) : (
        "not tested yet"
      ),
    ],
    ["Newsletter destination", connection.isNewsletterDestination ? "Yes: new signups go to this portal" : "No"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="text-slate-900 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
