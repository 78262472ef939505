"use client";
// New webhook endpoint: URL, description and the events to send; the signing secret is shown once.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/tenant-action";
import { RevealedSecret } from "./revealed-secret";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  eventTypes: string[];
};

export function CreateEndpointForm({ action, tenantSlug, eventTypes }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 rounded-md border border-slate-300 p-4">
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor="endpoint-url" className="block font-medium text-slate-900">
          Endpoint URL
        </label>
        <input
          id="endpoint-url"
          name="url"
          type="url"
          required
          placeholder="https://example.com/webhooks/switchboard"
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={errors.url ? "endpoint-url-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
        <FieldError id="endpoint-url-error" messages={errors.url} />
      </div>
      <div>
        <label htmlFor="endpoint-description" className="block font-medium text-slate-900">
          Description (optional)
        </label>
        <input
          id="endpoint-description"
          name="description"
          maxLength={200}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <fieldset>
        <legend className="font-medium text-slate-900">Events (none ticked: every event)</legend>
        {eventTypes.map((type) => (
          <label key={type} className="mt-1 flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name={`event:${type}`} /> <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        Add endpoint
      </button>
      <RevealedSecret state={state} />
    </form>
  );
}
