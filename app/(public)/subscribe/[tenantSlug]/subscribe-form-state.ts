// What the signup form shows after a submission; shared by the server action and the form.
import type { SignupFieldErrors } from "@switchboard/lib/signups/signup-input";

export type SubscribeFormState =
  | { status: "idle" }
  | { status: "thanks" }
  | { status: "invalid"; fieldErrors: SignupFieldErrors; values: { email: string; firstName: string; consent: boolean } }
  | { status: "throttled"; retryAfterSeconds: number }
  | { status: "unavailable" };

export const initialSubscribeFormState: SubscribeFormState = { status: "idle" };
