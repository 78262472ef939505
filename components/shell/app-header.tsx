// The admin shell's banner: product, tenant (switcher), account menu, and the tenant's sections.
import Link from "next/link";
import { clientEnv } from "@switchboard/lib/env/client";
import type { TenantSummary } from "@switchboard/lib/tenancy/list-tenants";
import type { Role } from "@switchboard/lib/tenancy/roles";
import { DashboardNav } from "./dashboard-nav";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

type AppHeaderProps = {
  tenant: { slug: string; name: string };
  tenants: TenantSummary[];
  user: { email: string };
  role: Role;
};

const roleLabels: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

export function AppHeader({ tenant, tenants, user, role }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-3 px-4 pt-4 sm:px-6">
        <Link href={`/t/${tenant.slug}/integrations`} className="text-base font-semibold text-slate-900">
          {clientEnv.NEXT_PUBLIC_PRODUCT_NAME}
        </Link>
        <span aria-hidden="true" className="text-slate-400">
          /
        </span>
        <TenantSwitcher current={tenant} tenants={tenants} />
        <div className="ml-auto">
          <UserMenu email={user.email} roleLabel={`${roleLabels[role]} of ${tenant.name}`} />
        </div>
      </div>
      <div className="mx-auto mt-4 max-w-6xl px-4 sm:px-6">
        <DashboardNav tenantSlug={tenant.slug} canManage={role !== "MEMBER"} />
      </div>
    </header>
  );
}
