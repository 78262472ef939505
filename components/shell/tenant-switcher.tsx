// Shows the current tenant; with more than one membership it becomes a menu of the others.
// A native <details> disclosure: keyboard- and screen-reader-friendly without client JavaScript.
import Link from "next/link";
import type { TenantSummary } from "@switchboard/lib/tenancy/list-tenants";

type TenantSwitcherProps = { current: { slug: string; name: string }; tenants: TenantSummary[] };

export function TenantSwitcher({ current, tenants }: TenantSwitcherProps) {
  if (tenants.length <= 1) {
    return <span className="truncate text-sm font-medium text-slate-800">{current.name}</span>;
  }

  return (
    <details className="group relative" data-testid="tenant-switcher">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
        <span className="sr-only">Current tenant: </span>
        <span className="max-w-[12rem] truncate">{current.name}</span>
        <span aria-hidden="true" className="text-slate-600 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul aria-label="Switch tenant" className="absolute left-0 z-20 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {tenants.map((tenant) => (
          <li key={tenant.id}>
            <Link
              href={`/t/${tenant.slug}/integrations`}
              aria-current={tenant.slug === current.slug ? "page" : undefined}
              className="block px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 aria-[current=page]:font-semibold"
            >
              {tenant.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
