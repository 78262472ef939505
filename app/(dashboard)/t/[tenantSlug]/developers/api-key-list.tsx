// The tenant's API keys: prefix, scopes, last use, and Revoke for active ones. Never the secret.
import type { ApiKeySummary } from "@switchboard/lib/api-keys/manage-api-keys";
import { ActionButton } from "@/components/form/action-button";
import { revokeTenantApiKey } from "./key-actions";

const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

export function ApiKeyList({ keys, tenantSlug }: { keys: ApiKeySummary[]; tenantSlug: string }) {
  if (keys.length === 0) return <p className="text-sm text-slate-700">No API keys yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-slate-700">
          <th className="py-2">Name</th>
          <th>Key</th>
          <th>Scopes</th>
          <th>Last used</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-b border-slate-200 align-top" data-testid="api-key-row">
            <td className="py-2 text-slate-900">{key.name}</td>
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td className="text-slate-800">{key.scopes.join(", ")}</td>
            <td className="text-slate-800">{when(key.lastUsedAt)}</td>
            <td>
              {key.revokedAt ? (
                <span className="text-slate-700">Revoked {when(key.revokedAt)}</span>
              ) : (
                <ActionButton
                  action={revokeTenantApiKey}
                  fields={{ tenantSlug, apiKeyId: key.id }}
                  buttonClassName="rounded-md border border-red-700 px-2 py-1 text-red-800 hover:bg-red-50"
                >
                  Revoke<span className="sr-only"> {key.name}</span>
                </ActionButton>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
