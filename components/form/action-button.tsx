"use client";
// A one-button form for a tenant action (web/tenant-action.ts): hidden fields, a submit button,
// and the action's refusal, if any, announced next to it.
import type { ReactNode } from "react";
import { useActionState } from "react";
import type { ActionState } from "@/web/tenant-action";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  className?: string;
  buttonClassName: string;
  children: ReactNode;
};

export function ActionButton({ action, fields, className, buttonClassName, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={buttonClassName}>
        {children}
      </button>
      {state && !state.ok ? (
        <span role="status" className="ml-2 text-xs text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
