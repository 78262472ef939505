// What the forgot-password action hands back (kept out of the "use server" file).
export type ForgotFormState = { sentTo?: string; fieldErrors?: Record<string, string[]> };
