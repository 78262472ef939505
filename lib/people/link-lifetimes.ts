// How long the links in people mails stay valid.
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
