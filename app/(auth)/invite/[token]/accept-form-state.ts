// What the accept actions hand back to their forms (kept out of the "use server" file).
export type AcceptFormState = { message?: string; fieldErrors?: Record<string, string[]>; name?: string };
