"use client";
// A one-button tenant action whose outcome may reveal a secret (e.g. "Rotate secret").
import type { ReactNode } from "react";
import { useActionState } from "react";
import type { ActionState } from "@/web/tenant-action";
import { RevealedSecret } from "./revealed-secret";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  buttonClassName: string;
  children: ReactNode;
};

export function SecretActionButton({ action, fields, buttonClassName, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={buttonClassName}>
        {children}
      </button>
      <RevealedSecret state={state} />
    </form>
  );
}
