"use client";
// An action's outcome, with the secret it revealed (a new key or signing secret) shown this once.
import type { ActionState } from "@/web/tenant-action";

export function RevealedSecret({ state }: { state: ActionState }) {
  return (
    <div role="status">
      {state && <p className={state.ok ? "text-sm text-emerald-900" : "text-sm text-red-800"}>{state.message}</p>}
      {state?.reveal && (
        <p className="mt-2 break-all rounded-md bg-slate-100 p-2 font-mono text-sm text-slate-900" data-testid="revealed-secret">
          {state.reveal}
        </p>
      )}
    </div>
  );
}
