// Security headers for what is not a page (pages get theirs, with a nonce, from proxy.ts). Shared
// by next.config.ts (every response Next serves) and the production server's direct intake path,
// which answers without Next.

/** Every response: no MIME sniffing, and only the origin travels to other sites in Referer. */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

// API answers are JSON or, for the OAuth callback, a self-contained page with one inline style
// block: no script may run in them, and no one may frame them.
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
};

/** The OAuth callback's URL carries a one-time code: not even the origin leaves in Referer. */
export const OAUTH_CALLBACK_PATH = "/api/integrations/hubspot/callback";
