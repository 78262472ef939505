// Filter by status and search by email prefix (a plain GET form: works without JavaScript, and
// the URL can be shared), plus the CSV export of exactly what is filtered.
import type { SignupListQuery } from "@switchboard/lib/signups/dashboard/list-signups";

export function SignupFilters({ tenantSlug, query }: { tenantSlug: string; query: SignupListQuery }) {
  const exportParams = new URLSearchParams();
  if (query.status) exportParams.set("status", query.status);
  if (query.q) exportParams.set("q", query.q);
  const exportHref = `/t/${tenantSlug}/signups/export${exportParams.size > 0 ? `?${exportParams}` : ""}`;
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter signups">
      <div>
        <label htmlFor="signup-status" className="block text-sm font-medium text-slate-900">
          Status
        </label>
        <select
          id="signup-status"
          name="status"
          defaultValue={query.status ?? ""}
          className="mt-1 rounded-md border border-slate-400 px-2 py-1"
        >
          <option value="">All</option>
          <option value="UNCONFIRMED">Unconfirmed</option>
          <option value="PENDING">Pending</option>
          <option value="SYNCED">Synced</option>
          <option value="FAILED">Failed</option>
          <option value="UNSUBSCRIBED">Unsubscribed</option>
        </select>
      </div>
      <div>
        <label htmlFor="signup-search" className="block text-sm font-medium text-slate-900">
          Email starts with
        </label>
        <input
          id="signup-search"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          maxLength={320}
          className="mt-1 rounded-md border border-slate-400 px-2 py-1"
        />
      </div>
      <button type="submit" className="rounded-md border border-slate-400 px-3 py-1 font-medium text-slate-900 hover:bg-slate-100">
        Apply
      </button>
      <a href={exportHref} className="ml-auto text-sm font-semibold text-indigo-800 underline" data-testid="signups-export">
        Export CSV
      </a>
    </form>
  );
}
