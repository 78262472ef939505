import { signOutAction } from "@/web/sign-out";

// A plain form, so signing out works before (or without) client JavaScript.
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
