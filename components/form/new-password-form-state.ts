// What a new-password action (reset, change) hands back to its form.
export type NewPasswordFormState = { message?: string; fieldErrors?: Record<string, string[]> };
