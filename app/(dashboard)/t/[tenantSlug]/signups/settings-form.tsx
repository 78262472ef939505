"use client";
// Consent text, double opt-in and allowed origins of the public form (admins only).
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";

type SettingsFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  consentText: string;
  doubleOptIn: boolean;
  allowedOrigins: string;
  consentTextMaxLength: number;
};

export function SettingsForm({ action, tenantSlug, consentText, doubleOptIn, allowedOrigins, consentTextMaxLength }: SettingsFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor="consentText" className="block font-medium text-slate-900">
          Consent text
        </label>
        <p id="consentText-hint" className="text-sm text-slate-700">
          Shown beside the checkbox, and recorded with each confirmed signup as what the person agreed to (at most {consentTextMaxLength}{" "}
          characters).
        </p>
        <textarea
          id="consentText"
          name="consentText"
          rows={2}
          defaultValue={consentText}
          aria-invalid={errors.consentText ? true : undefined}
          aria-describedby={errors.consentText ? "consentText-hint consentText-error" : "consentText-hint"}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="consentText-error" messages={errors.consentText} />
      </div>
      <div className="flex items-start gap-3">
        <input
          id="doubleOptIn"
          name="doubleOptIn"
          type="checkbox"
          defaultChecked={doubleOptIn}
          aria-describedby="doubleOptIn-hint"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="doubleOptIn" className="font-medium text-slate-900">
            Double opt-in
          </label>
          <p id="doubleOptIn-hint" className="text-sm text-slate-700">
            New signups get a mail with a link to confirm (valid 7 days) and stay Unconfirmed, never sent to HubSpot, until they do.
            Recommended whenever the form is embedded on other sites.
          </p>
        </div>
      </div>
      <div>
        <label htmlFor="allowedOrigins" className="block font-medium text-slate-900">
          Allowed origins
        </label>
        <p id="allowedOrigins-hint" className="text-sm text-slate-700">
          Websites whose browsers may call the signup API, one per line, e.g. https://www.example.com
        </p>
        <textarea
          id="allowedOrigins"
          name="allowedOrigins"
          rows={3}
          defaultValue={allowedOrigins}
          aria-invalid={errors.allowedOrigins ? true : undefined}
          aria-describedby={errors.allowedOrigins ? "allowedOrigins-hint allowedOrigins-error" : "allowedOrigins-hint"}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
        />
        <FieldError id="allowedOrigins-error" messages={errors.allowedOrigins} />
      </div>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          Save settings
        </button>
        <p role="status" className="text-sm text-emerald-900">
          {state?.ok ? state.message : state && !state.fieldErrors ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
