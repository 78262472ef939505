// The hidden form field only bots fill in. Its own module so the browser bundle needs no zod.
export const HONEYPOT_FIELD = "website";
