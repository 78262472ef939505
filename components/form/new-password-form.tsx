"use client";
// A new password, typed twice (optionally after the current one): the reset page and the change
// page share it. Field errors sit under their fields; a refusal is announced at the top.
import { useActionState } from "react";
import { FieldError } from "./field-error";
import type { ActionState } from "@/web/form-state";

type NewPasswordFormProps = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  email: string;
  minLength: number;
  askCurrent?: boolean;
  submitLabel: string;
};

export function NewPasswordForm({ action, hidden = {}, email, minLength, askCurrent = false, submitLabel }: NewPasswordFormProps) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errors = state?.fieldErrors ?? {};
  // Field errors sit under their fields; the line at the top is for refusals of the whole form.
  const message = state && !state.ok && !state.fieldErrors ? state.message : undefined;
  const field = (name: string, label: string, autoComplete: string, hint?: string) => {
    const describedBy = [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ");
    return (
      <div className="space-y-1">
        <label htmlFor={name} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={`${name}-hint`} className="text-xs text-slate-700">
            {hint}
          </p>
        )}
        <input
          id={name}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700"
        />
        <FieldError id={`${name}-error`} messages={errors[name]} />
      </div>
    );
  };
  return (
    <form action={formAction} noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      {askCurrent && field("currentPassword", "Current password", "current-password")}
      {field("password", "New password", "new-password", `At least ${minLength} characters.`)}
      {field("confirmPassword", "Repeat the new password", "new-password")}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-70"
      >
        {submitLabel}
      </button>
    </form>
  );
}
