// Invitations nobody has accepted yet, with Revoke (an owner invitation only for owners).
import type { InvitationView } from "@switchboard/lib/people/members/list-people";
import { ActionButton } from "@/components/form/action-button";
import { formatDate } from "../integrations/format";
import { revokePendingInvitation } from "./actions";
import { roleLabels } from "./role-options";

export function InvitationList({
  invitations,
  tenantSlug,
  canTouchOwner,
}: {
  invitations: InvitationView[];
  tenantSlug: string;
  canTouchOwner: boolean;
}) {
  return (
    <section aria-labelledby="invitations-heading" className="space-y-3">
      <h2 id="invitations-heading" className="text-lg font-semibold text-slate-900">
        Pending invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-700">No pending invitations.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {invitations.map((invitation) => (
            <li
              key={invitation.id}
              data-testid="invitation-row"
              data-email={invitation.email}
              className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm"
            >
              <span className="text-slate-900">
                <strong>{invitation.email}</strong> as {roleLabels[invitation.role]} — invited by {invitation.invitedByLabel}, expires{" "}
                <time dateTime={invitation.expiresAt.toISOString()}>{formatDate(invitation.expiresAt)}</time>
              </span>
              {(canTouchOwner || invitation.role !== "OWNER") && (
                <ActionButton
                  action={revokePendingInvitation}
                  fields={{ tenantSlug, invitationId: invitation.id }}
                  buttonClassName="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
                >
                  Revoke<span className="sr-only"> the invitation of {invitation.email}</span>
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
