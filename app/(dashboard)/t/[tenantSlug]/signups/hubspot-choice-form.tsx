"use client";
// One HubSpot choice of the newsletter (admins only): its subscription type, or the list contacts join.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";

type HubspotChoiceFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  field: "subscriptionId" | "listId";
  label: string;
  noneLabel: string;
  buttonLabel: string;
  options: { id: string; name: string }[];
  chosenId: string | null;
};

export function HubspotChoiceForm({ action, tenantSlug, field, label, noneLabel, buttonLabel, options, chosenId }: HubspotChoiceFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor={field} className="block font-medium text-slate-900">
          {label}
        </label>
        <select
          id={field}
          name={field}
          defaultValue={chosenId ?? ""}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${field}-error` : undefined}
          className="mt-1 block rounded-md border border-slate-400 px-3 py-2"
        >
          <option value="">{noneLabel}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <FieldError id={`${field}-error`} messages={errors} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {buttonLabel}
      </button>
      <p role="status" className="text-sm text-emerald-900">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
