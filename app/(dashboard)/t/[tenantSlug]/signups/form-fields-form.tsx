"use client";
// The public form's optional fields (admins only): for each, the contact property its answers go
// to, or "Not on the form"; the free-text field also gets the label visitors see.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";

export type FieldRow = {
  key: "lastName" | "company" | "freeText";
  title: string;
  /** The property it is mapped to now ("" = off) and how to name it when the portal no longer offers it. */
  chosen: string;
  chosenLabel: string;
  label?: string;
};

export type TargetOption = { name: string; label: string; dropdown: boolean };

type FormFieldsFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  rows: FieldRow[];
  targets: TargetOption[];
  freeTextLabelMax: number;
};

export function FormFieldsForm({ action, tenantSlug, rows, targets, freeTextLabelMax }: FormFieldsFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" data-testid="form-fields-form">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      {rows.map((row) => {
        const id = `${row.key}Property`;
        const rowErrors = errors[row.key];
        const offered = targets.some((target) => target.name === row.chosen);
        return (
          <div key={row.key} className="flex flex-wrap items-start gap-4">
            <div>
              <label htmlFor={id} className="block font-medium text-slate-900">
                {row.title}
              </label>
              <select
                id={id}
                name={id}
                defaultValue={row.chosen}
                aria-invalid={rowErrors ? true : undefined}
                aria-describedby={rowErrors ? `${id}-error` : undefined}
                className="mt-1 block max-w-md rounded-md border border-slate-400 px-3 py-2"
              >
                <option value="">Not on the form</option>
                {row.chosen && !offered && (
                  <option value={row.chosen}>
                    {row.chosenLabel} ({row.chosen}) — not available in HubSpot now
                  </option>
                )}
                {targets.map((target) => (
                  <option key={target.name} value={target.name}>
                    {target.label} ({target.name}){target.dropdown ? " — dropdown" : ""}
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-error`} messages={rowErrors} />
            </div>
            {row.key === "freeText" && (
              <div>
                <label htmlFor="freeTextLabel" className="block font-medium text-slate-900">
                  Its label on the form
                </label>
                <input
                  id="freeTextLabel"
                  name="freeTextLabel"
                  type="text"
                  maxLength={freeTextLabelMax}
                  defaultValue={row.label ?? ""}
                  placeholder="How did you hear about us?"
                  aria-invalid={errors.freeTextLabel ? true : undefined}
                  aria-describedby={errors.freeTextLabel ? "freeTextLabel-error" : undefined}
                  className="mt-1 block w-72 rounded-md border border-slate-400 px-3 py-2"
                />
                <FieldError id="freeTextLabel-error" messages={errors.freeTextLabel} />
              </div>
            )}
          </div>
        );
      })}
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          Save form fields
        </button>
        <p role="status" className={`text-sm ${state?.ok === false ? "text-red-800" : "text-emerald-900"}`}>
          {state?.message ?? ""}
        </p>
      </div>
    </form>
  );
}
