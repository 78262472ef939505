"use client";
// A submit button that says what is happening while its form's action runs.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

export function SubmitButton({
  children,
  pendingLabel,
  variant = "secondary",
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: keyof typeof variants;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-3 py-2 text-sm font-medium disabled:opacity-70 ${variants[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
