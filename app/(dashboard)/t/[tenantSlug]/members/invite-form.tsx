"use client";
// Invite by email with a role; per-field errors and the outcome announced beside the button.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import { inviteMember } from "./actions";
import { RoleOptions } from "./role-options";

export function InviteForm({ tenantSlug, canGrantOwner }: { tenantSlug: string; canGrantOwner: boolean }) {
  const [state, formAction, pending] = useActionState(inviteMember, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-start gap-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div className="min-w-64 flex-1">
        <label htmlFor="invite-email" className="block font-medium text-slate-900">
          Email
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "invite-email-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="invite-email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="invite-role" className="block font-medium text-slate-900">
          Role
        </label>
        <select
          id="invite-role"
          name="role"
          defaultValue="MEMBER"
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? "invite-role-error" : undefined}
          className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          <RoleOptions canGrantOwner={canGrantOwner} />
        </select>
        <FieldError id="invite-role-error" messages={errors.role} />
      </div>
      <div className="pt-7">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? "Sending…" : "Send invitation"}
        </button>
      </div>
      <p role="status" data-testid="invite-status" className={`w-full text-sm ${state?.ok ? "text-emerald-900" : "text-red-800"}`}>
        {state && !state.fieldErrors ? state.message : ""}
      </p>
    </form>
  );
}
