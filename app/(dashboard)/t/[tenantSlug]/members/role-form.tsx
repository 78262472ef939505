"use client";
// Changes one member's role: a labelled select and a button; a refusal (last owner, owner-only)
// is announced next to it.
import { useActionState } from "react";
import type { Role } from "@switchboard/lib/tenancy/roles";
import { changeRole } from "./actions";
import { RoleOptions } from "./role-options";

type RoleFormProps = { tenantSlug: string; membershipId: string; email: string; role: Role; canGrantOwner: boolean };

export function RoleForm({ tenantSlug, membershipId, email, role, canGrantOwner }: RoleFormProps) {
  const [state, formAction, pending] = useActionState(changeRole, null);
  const selectId = `role-${membershipId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={selectId} className="sr-only">
        Role of {email}
      </label>
      <select id={selectId} name="role" defaultValue={role} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm">
        <RoleOptions canGrantOwner={canGrantOwner || role === "OWNER"} />
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
      >
        Change role<span className="sr-only"> of {email}</span>
      </button>
      {state ? (
        <span role="status" className={`text-xs ${state.ok ? "text-emerald-900" : "text-red-800"}`}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
