"use server";
// Confirming a double opt-in signup: the POST behind the confirmation page's button. Records when
// and from which client address; an unusable link changes nothing and the page says why.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { clientIpFrom } from "@switchboard/lib/http/client-ip";
import { oneTimeTokenSchema } from "@switchboard/lib/people/one-time-token";
import { confirmSignup } from "@switchboard/lib/signups/consent/confirm-signup";

export async function confirmSubscription(formData: FormData): Promise<void> {
  const token = oneTimeTokenSchema.safeParse(formData.get("token"));
  if (!token.success) redirect("/confirm/invalid");
  const outcome = await confirmSignup(db, token.data, clientIpFrom(await headers()));
  redirect(`/confirm/${token.data}${outcome.state === "confirmed" ? "?confirmed=1" : ""}`);
}
