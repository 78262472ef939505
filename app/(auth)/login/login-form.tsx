"use client";
import { useActionState } from "react";
import { signInWithPassword } from "./actions";
import { FieldError } from "@/components/form/field-error";
import type { ActionState } from "@/web/form-state";

const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-500 " +
  "focus-visible:border-indigo-600 aria-[invalid=true]:border-red-700";

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(
    signInWithPassword,
    initialMessage ? { ok: false, message: initialMessage, at: 0 } : null,
  );
  const emailError = state?.fieldErrors?.email?.[0];
  const passwordError = state?.fieldErrors?.password?.[0];
  // Field errors sit under their fields; the form-level line is for refusals (wrong password, throttled).
  const message = state && !state.ok && !state.fieldErrors ? state.message : undefined;

  return (
    <form action={formAction} noValidate className="space-y-5" aria-describedby={message ? "login-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div aria-live="polite">
        {message ? (
          <p
            id="login-error"
            data-testid="login-error"
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {message}
          </p>
        ) : null}
      </div>

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
          defaultValue={state?.values?.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className={inputClass}
        />
        <FieldError id="email-error" messages={emailError} />
      </div>

      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : undefined}
          className={inputClass}
        />
        <FieldError id="password-error" messages={passwordError} />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
