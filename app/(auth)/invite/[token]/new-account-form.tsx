"use client";
// A new person's account: name, password twice. Submitting accepts the invitation and signs in.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/form-state";
import { acceptWithNewAccount } from "./actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700";

export function NewAccountForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(acceptWithNewAccount, null);
  const errors = state?.fieldErrors ?? {};
  // Field errors sit under their fields; the line at the top is for refusals of the whole form.
  const message = state && !state.ok && !state.fieldErrors ? state.message : undefined;
  const field = (name: string, label: string, type: string, autoComplete: string, hint?: string) => (
    <div>
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
        type={type}
        autoComplete={autoComplete}
        required
        defaultValue={name === "name" ? state?.values?.name : undefined}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}
        className={inputClass}
      />
      <FieldError id={`${name}-error`} messages={errors[name]} />
    </div>
  );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      {field("name", "Your name", "text", "name")}
      {field("password", "Choose a password", "password", "new-password", `At least ${minLength} characters.`)}
      {field("confirmPassword", "Repeat the password", "password", "new-password")}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-70"
      >
        {pending ? "Joining…" : "Create account and join"}
      </button>
    </form>
  );
}
