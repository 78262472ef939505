"use client";
// One button for someone already signed in with the invited email.
import { useActionState } from "react";
import type { ActionState } from "@/web/form-state";
import { acceptAsSignedInUser } from "./actions";

export function JoinForm({ token, tenantName }: { token: string; tenantName: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(acceptAsSignedInUser, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-70"
      >
        Join {tenantName}
      </button>
    </form>
  );
}
