"use server";
// Server action behind every "Sign out" button: clears the session cookie and goes to /login.
import { signOut } from "@/web/auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
