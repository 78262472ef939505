// The centred card of the signed-out pages (sign-in, invitation, password reset): product name,
// one heading, the content.
import type { ReactNode } from "react";
import { clientEnv } from "@switchboard/lib/env/client";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="space-y-1 text-center">
          <p className="text-sm font-semibold tracking-wide text-indigo-700">{clientEnv.NEXT_PUBLIC_PRODUCT_NAME}</p>
          <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        </div>
        <section aria-label={title} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-slate-800 shadow-sm">
          {children}
        </section>
      </div>
    </main>
  );
}
