// Who belongs to the tenant: name, email, role, when they joined. Admins get a role selector and
// Remove on the rows they may touch (an owner's row only for owners).
import type { MemberView } from "@switchboard/lib/people/members/list-people";
import type { Role } from "@switchboard/lib/tenancy/roles";
import { ActionButton } from "@/components/form/action-button";
import { formatDate } from "../integrations/format";
import { removeMembership } from "./actions";
import { RoleForm } from "./role-form";
import { roleLabels } from "./role-options";

type MemberTableProps = { members: MemberView[]; tenantSlug: string; viewer: { userId: string; role: Role }; canManage: boolean };

export function MemberTable({ members, tenantSlug, viewer, canManage }: MemberTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Members</caption>
        <thead className="bg-slate-50 text-left text-slate-800">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Name
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Email
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Role
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Joined
            </th>
            {canManage && (
              <th scope="col" className="px-4 py-2 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const editable = canManage && (viewer.role === "OWNER" || member.role !== "OWNER");
            return (
              <tr key={member.membershipId} data-testid="member-row" data-email={member.email}>
                <td className="px-4 py-2 text-slate-900">
                  {member.name ?? "—"}
                  {member.userId === viewer.userId && <span className="ml-2 text-xs text-slate-700">(you)</span>}
                </td>
                <td className="px-4 py-2 text-slate-900">{member.email}</td>
                <td className="px-4 py-2 text-slate-900">
                  {editable ? (
                    <RoleForm
                      tenantSlug={tenantSlug}
                      membershipId={member.membershipId}
                      email={member.email}
                      role={member.role}
                      canGrantOwner={viewer.role === "OWNER"}
                    />
                  ) : (
                    <span data-testid="member-role">{roleLabels[member.role]}</span>
                  )}
                </td>
                <td className="px-4 py-2 text-slate-700">
                  <time dateTime={member.joinedAt.toISOString()}>{formatDate(member.joinedAt)}</time>
                </td>
                {canManage && (
                  <td className="px-4 py-2 text-right">
                    {editable && (
                      <ActionButton
                        action={removeMembership}
                        fields={{ tenantSlug, membershipId: member.membershipId }}
                        buttonClassName="rounded-md border border-red-300 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50"
                      >
                        Remove<span className="sr-only"> {member.email}</span>
                      </ActionButton>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
