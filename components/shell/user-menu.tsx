// The signed-in user's email and the sign-out button, folded into a disclosure on every screen size.
import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function UserMenu({ email, roleLabel }: { email: string; roleLabel: string }) {
  return (
    <details className="relative" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">
        <span
          aria-hidden="true"
          className="flex size-6 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold uppercase text-white"
        >
          {email.charAt(0)}
        </span>
        <span className="hidden max-w-[14rem] truncate sm:inline">{email}</span>
        <span className="sr-only sm:hidden">Account menu for {email}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <p className="truncate text-sm font-medium text-slate-900">{email}</p>
        <p className="mb-3 text-xs text-slate-600">{roleLabel}</p>
        <Link href="/account/password" className="mb-2 block rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
          Change password
        </Link>
        <SignOutButton className="w-full rounded-md border border-slate-300 px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-100" />
      </div>
    </details>
  );
}
