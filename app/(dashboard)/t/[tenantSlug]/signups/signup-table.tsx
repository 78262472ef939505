// One page of signups: who, when, where they stand, and the HubSpot contact they became.
import type { SignupListItem } from "@switchboard/lib/signups/dashboard/list-signups";
import { ActionButton } from "@/components/form/action-button";
import { retrySignup } from "./actions";

const statusLabel = {
  UNCONFIRMED: "Unconfirmed",
  PENDING: "Pending",
  SYNCED: "Synced",
  FAILED: "Failed",
  UNSUBSCRIBED: "Unsubscribed",
} as const;
const statusTone = {
  UNCONFIRMED: "bg-indigo-100 text-indigo-950",
  UNSUBSCRIBED: "bg-slate-200 text-slate-900",
  PENDING: "bg-amber-100 text-amber-950",
  SYNCED: "bg-emerald-100 text-emerald-950",
  FAILED: "bg-red-100 text-red-950",
} as const;
// The newsletter subscription as HubSpot holds it (lib/signups/consent).
const subscriptionNote: Record<string, string> = {
  SUBSCRIBED: "Subscribed in HubSpot",
  OPTED_OUT: "Opted out in HubSpot",
  FAILED: "HubSpot refused the subscription",
};

type SignupTableProps = { signups: SignupListItem[]; tenantSlug: string; canManage: boolean; hubspotAppUrl: string };

export function SignupTable({ signups, tenantSlug, canManage, hubspotAppUrl }: SignupTableProps) {
  if (signups.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">No signups here.</p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Signups</caption>
        <thead className="bg-slate-50 text-left text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Email
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Signed up
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Status
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              HubSpot contact
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {signups.map((signup) => (
            <tr key={signup.id} data-testid="signup-row" data-email={signup.email}>
              <td className="px-4 py-2 text-slate-900">{signup.email}</td>
              <td className="px-4 py-2 text-slate-700">
                <time dateTime={signup.createdAt.toISOString()}>{signup.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </td>
              <td className="px-4 py-2">
                <span data-testid="signup-status" className={`rounded px-2 py-0.5 font-medium ${statusTone[signup.status]}`}>
                  {statusLabel[signup.status]}
                </span>
                {signup.subscriptionState && subscriptionNote[signup.subscriptionState] && (
                  <p className="mt-1 text-xs text-slate-700" data-testid="signup-subscription">
                    {subscriptionNote[signup.subscriptionState]}
                  </p>
                )}
                {signup.marketingContact === false && (
                  <p className="mt-1 text-xs text-slate-700" data-testid="signup-non-marketing">
                    Not a marketing contact
                  </p>
                )}
                {signup.erased && (
                  <p className="mt-1 text-xs text-slate-700" data-testid="signup-erased">
                    Erased on request (HubSpot privacy deletion)
                  </p>
                )}
                {signup.lastError && signup.status !== "SYNCED" && (
                  <p className="mt-1 max-w-md text-xs text-slate-700" data-testid="signup-error">
                    {signup.lastError}
                  </p>
                )}
                {canManage && signup.status === "FAILED" && (
                  <ActionButton
                    action={retrySignup}
                    fields={{ tenantSlug, signupId: signup.id }}
                    className="mt-1"
                    buttonClassName="text-xs font-semibold text-indigo-800 underline"
                  >
                    Retry<span className="sr-only"> {signup.email}</span>
                  </ActionButton>
                )}
              </td>
              <td className="px-4 py-2">
                {signup.hubspotContactId && signup.portalId ? (
                  <a
                    data-testid="signup-contact"
                    className="text-indigo-800 underline"
                    href={`${hubspotAppUrl}/contacts/${signup.portalId}/record/0-1/${signup.hubspotContactId}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {signup.hubspotContactId}
                  </a>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
