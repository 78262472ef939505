// The roles an admin may pick: OWNER only for owners (the server enforces it again).
import type { Role } from "@switchboard/lib/tenancy/roles";

export const roleLabels: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

export function RoleOptions({ canGrantOwner }: { canGrantOwner: boolean }) {
  return (
    <>
      <option value="MEMBER">{roleLabels.MEMBER} (read-only)</option>
      <option value="ADMIN">{roleLabels.ADMIN}</option>
      {canGrantOwner && <option value="OWNER">{roleLabels.OWNER}</option>}
    </>
  );
}
