// What the sign-in action hands back to the form. Kept out of actions.ts because a "use server"
// file may only export async functions.
export type LoginFormState = {
  /** Form-level problem (wrong credentials, throttled); never says whether the email exists. */
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

export const INVALID_CREDENTIALS_MESSAGE = "The email or password is incorrect.";
export const THROTTLED_MESSAGE = "Too many failed sign-in attempts. Please wait a few minutes and try again.";
export const UNEXPECTED_MESSAGE = "Sign-in failed. Please try again.";
export const PASSWORD_OFF_MESSAGE = "Password sign-in is switched off here. Use single sign-on.";
export const SSO_REFUSED_MESSAGE = "Single sign-on was refused: your identity provider did not confirm a verified email address.";
