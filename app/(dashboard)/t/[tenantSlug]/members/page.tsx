// Members of a tenant. Everyone sees who belongs and with which role; OWNER and ADMIN also see the
// pending invitations and the people activity, invite, change roles and remove members.
import type { Metadata } from "next";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { listMembers, listPendingInvitations } from "@switchboard/lib/people/members/list-people";
import { listPeopleActivity } from "@switchboard/lib/people/members/list-people-activity";
import { roleAtLeast } from "@switchboard/lib/tenancy/roles";
import { requireTenantAccess } from "@/web/tenant-guard";
import { InvitationList } from "./invitation-list";
import { InviteForm } from "./invite-form";
import { MemberTable } from "./member-table";
import { PeopleActivity } from "./people-activity";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const { tenant, role, user } = await requireTenantAccess(tenantSlug);
  const canManage = roleAtLeast(role, "ADMIN");
  const [members, invitations, activity] = await Promise.all([
    listMembers(db, tenant.id),
    canManage ? listPendingInvitations(db, tenant.id) : Promise.resolve([]),
    canManage ? listPeopleActivity(db, tenant.id) : Promise.resolve([]),
  ]);
  const viewer = { userId: user.id, role };

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">Members</h1>
        <p className="text-slate-700">
          {canManage
            ? `People with access to ${tenant.name}. Only owners can grant or remove the owner role.`
            : `People with access to ${tenant.name}.`}
        </p>
      </header>
      <MemberTable members={members} tenantSlug={tenant.slug} viewer={viewer} canManage={canManage} />
      {canManage && (
        <>
          <section aria-labelledby="invite-heading" className="space-y-3">
            <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
              Invite someone
            </h2>
            <InviteForm tenantSlug={tenant.slug} canGrantOwner={role === "OWNER"} />
          </section>
          <InvitationList invitations={invitations} tenantSlug={tenant.slug} canTouchOwner={role === "OWNER"} />
          <PeopleActivity events={activity} />
        </>
      )}
    </div>
  );
}
