// What the sign-in form says (kept out of actions.ts because a "use server" file may only export
// async functions). The form's state is the one ActionState (web/form-state.ts).
export const INVALID_CREDENTIALS_MESSAGE = "The email or password is incorrect.";
export const THROTTLED_MESSAGE = "Too many failed sign-in attempts. Please wait a few minutes and try again.";
export const UNEXPECTED_MESSAGE = "Sign-in failed. Please try again.";
export const PASSWORD_OFF_MESSAGE = "Password sign-in is switched off here. Use single sign-on.";
export const SSO_REFUSED_MESSAGE = "Single sign-on was refused: your identity provider did not confirm a verified email address.";
