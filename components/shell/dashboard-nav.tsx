"use client";
// Section links of a tenant. Client-side only to mark the current page for assistive tech.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function DashboardNav({ tenantSlug, canManage }: { tenantSlug: string; canManage: boolean }) {
  const pathname = usePathname();
  const links = [
    { href: `/t/${tenantSlug}/integrations`, label: "Integrations" },
    { href: `/t/${tenantSlug}/signups`, label: "Signups" },
    { href: `/t/${tenantSlug}/members`, label: "Members" },
    // Only admins may open it; members would get the 404 page.
    ...(canManage ? [{ href: `/t/${tenantSlug}/developers`, label: "Developers" }] : []),
  ];

  return (
    <nav aria-label="Tenant sections" className="-mb-px flex gap-6 overflow-x-auto">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-1 pb-3 text-sm font-medium ${
              current
                ? "border-indigo-600 text-indigo-800"
                : "border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
