"use client";
// New API key: a name and scopes; the key itself is shown once, right here, after creation.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";
import { RevealedSecret } from "./revealed-secret";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  scopes: { value: string; description: string }[];
};

export function CreateKeyForm({ action, tenantSlug, scopes }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 rounded-md border border-slate-300 p-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor="key-name" className="block font-medium text-slate-900">
          Key name
        </label>
        <input
          id="key-name"
          name="name"
          required
          maxLength={100}
          placeholder="e.g. Production backend"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "key-name-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="key-name-error" messages={errors.name} />
      </div>
      <fieldset aria-describedby={errors.scopes ? "key-scopes-error" : undefined}>
        <legend className="font-medium text-slate-900">Scopes</legend>
        {scopes.map((scope) => (
          <label key={scope.value} className="mt-1 flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name={`scope:${scope.value}`} defaultChecked={scope.value.endsWith(":read")} />
            <code>{scope.value}</code> — {scope.description}
          </label>
        ))}
        <FieldError id="key-scopes-error" messages={errors.scopes} />
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        Create key
      </button>
      <RevealedSecret state={state} />
    </form>
  );
}
