// Every tenant page renders inside this shell, and the guard here turns non-members away with a 404
// before any page runs. Pages still call requireTenantAccess themselves (memoized per request).
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { listTenantsForUser, requireTenantAccess } from "@/web/tenant-guard";

type TenantLayoutProps = { children: ReactNode; params: Promise<{ tenantSlug: string }> };

export default async function TenantLayout({ children, params }: TenantLayoutProps) {
  const { tenantSlug } = await params;
  const access = await requireTenantAccess(tenantSlug);
  const tenants = await listTenantsForUser(access.user.id);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <AppHeader tenant={access.tenant} tenants={tenants} user={access.user} role={access.role} />
      <main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
