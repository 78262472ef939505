"use client";
// The newsletter's HubSpot subscription type (admins only): one of the portal's active email types.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";

type SubscriptionTypeFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  types: { id: string; name: string }[];
  chosenId: string | null;
};

export function SubscriptionTypeForm({ action, tenantSlug, types, chosenId }: SubscriptionTypeFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor="subscriptionId" className="block font-medium text-slate-900">Newsletter subscription type</label>
        <select id="subscriptionId" name="subscriptionId" defaultValue={chosenId ?? ""}
          aria-invalid={errors.subscriptionId ? true : undefined} aria-describedby={errors.subscriptionId ? "subscriptionId-error" : undefined}
          className="mt-1 block rounded-md border border-slate-400 px-3 py-2">
          <option value="">None: create contacts only</option>
          {types.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
        </select>
        <FieldError id="subscriptionId-error" messages={errors.subscriptionId} />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60">
        Save subscription type
      </button>
      <p role="status" className="text-sm text-emerald-900">{state?.message ?? ""}</p>
    </form>
  );
}
