"use client";
// The signup form. Without JavaScript it is a plain form post to the server action; with it,
// useActionState keeps the page in place and shows errors or the thank-you without a reload.
import { useActionState } from "react";
import { HONEYPOT_FIELD } from "@switchboard/lib/signups/honeypot";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/form-state";
import { ThankYou } from "./thank-you";

/** One of the tenant's optional fields: a text box, or a choice when its property is a dropdown. */
export type OptionalField = {
  key: "lastName" | "company" | "freeText";
  label: string;
  max: number;
  options: { value: string; label: string }[] | null;
};

type SignupFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  tenantSlug: string;
  consentText: string;
  tenantName: string;
  doubleOptIn: boolean;
  fields: OptionalField[];
};

const AUTOCOMPLETE = { lastName: "family-name", company: "organization", freeText: "off" } as const;

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600 aria-[invalid=true]:border-red-700";

export function SignupForm({ action, tenantSlug, consentText, tenantName, doubleOptIn, fields }: SignupFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <ThankYou tenantName={tenantName} doubleOptIn={doubleOptIn} />;
  const errors = state?.fieldErrors ?? {};
  const values = { email: state?.values?.email ?? "", firstName: state?.values?.firstName ?? "", consent: state?.values?.consent === "on" };
  return (
    <form action={formAction} noValidate className="space-y-5" aria-describedby="form-status">
      <div id="form-status" data-testid="signup-status" role="status" className="text-sm text-red-800">
        {state?.message}
      </div>
      <input type="hidden" name="tenantSlug" value={tenantSlug} />
      <div>
        <label htmlFor="email" className="block font-medium text-slate-900">
          Email address <span aria-hidden="true">*</span>
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          className={inputClass}
        />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <label htmlFor="firstName" className="block font-medium text-slate-900">
          First name <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <input
          id="firstName"
          name="firstName"
          type="text"
          autoComplete="given-name"
          maxLength={100}
          defaultValue={values.firstName}
          aria-invalid={errors.firstName ? true : undefined}
          aria-describedby={errors.firstName ? "firstName-error" : undefined}
          className={inputClass}
        />
        <FieldError id="firstName-error" messages={errors.firstName} />
      </div>
      {fields.map((field) => (
        <div key={field.key}>
          <label htmlFor={field.key} className="block font-medium text-slate-900">
            {field.label} <span className="font-normal text-slate-600">(optional)</span>
          </label>
          {field.options ? (
            <select
              id={field.key}
              name={field.key}
              defaultValue={state?.values?.[field.key] ?? ""}
              aria-invalid={errors[field.key] ? true : undefined}
              aria-describedby={errors[field.key] ? `${field.key}-error` : undefined}
              className={inputClass}
            >
              <option value="">Choose…</option>
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={field.key}
              name={field.key}
              type="text"
              autoComplete={AUTOCOMPLETE[field.key]}
              maxLength={field.max}
              defaultValue={state?.values?.[field.key] ?? ""}
              aria-invalid={errors[field.key] ? true : undefined}
              aria-describedby={errors[field.key] ? `${field.key}-error` : undefined}
              className={inputClass}
            />
          )}
          <FieldError id={`${field.key}-error`} messages={errors[field.key]} />
        </div>
      ))}
      <div>
        <div className="flex items-start gap-3">
          <input
            id="consent"
            name="consent"
            type="checkbox"
            required
            defaultChecked={values.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "consent-error" : undefined}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="consent" className="text-slate-800">
            {consentText}
          </label>
        </div>
        <FieldError id="consent-error" messages={errors.consent} />
      </div>
      {/* Off-screen trap for bots that fill every field; people never see or reach it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {pending ? "Subscribing…" : "Subscribe"}
      </button>
    </form>
  );
}
