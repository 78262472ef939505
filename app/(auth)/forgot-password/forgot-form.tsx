"use client";
// One field: the account's email. The confirmation reads the same whether or not it exists.
import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/form-state";
import { requestResetLink } from "./actions";

export function ForgotForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(requestResetLink, null);
  const error = state?.fieldErrors?.email;
  if (state?.ok)
    return (
      <p role="status" data-testid="reset-requested">
        {state.message}
      </p>
    );
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : undefined}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700"
        />
        <FieldError id="email-error" messages={error} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-70"
      >
        Send me a reset link
      </button>
    </form>
  );
}
