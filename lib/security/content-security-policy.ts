// The Content-Security-Policy of every page, with a fresh nonce per request (proxy.ts). Next
// renders its own inline and framework scripts with the nonce it finds in this header, so no
// script runs that our server did not send in this very response: an injected <script> or
// on-click attribute has no nonce. frame-ancestors 'none' keeps every page out of other sites'
// frames (a framed dashboard could be clicked through "Send test contact" — clickjacking).
export type PagePolicyOptions = {
  nonce: string;
  /** Where the Connect form's redirect goes (HubSpot's consent page): form-action must allow it. */
  oauthOrigin: string;
  /** https deployments: upgrade any stray http:// subresource. */
  https: boolean;
  /** React's development build evaluates code for its error overlay. */
  development: boolean;
  /** Origins that may frame this page (only ever the public form's tenant's); none by default. */
  frameAncestors?: readonly string[];
};

export function pageContentSecurityPolicy({ nonce, oauthOrigin, https, development, frameAncestors = [] }: PagePolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${oauthOrigin}`,
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(" ") : "'none'"}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and different for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS only where the app is served over https; an http demo must not pin itself to https. */
export function strictTransportSecurity(appUrl: string): Record<string, string> {
  return appUrl.startsWith("https://") ? { "Strict-Transport-Security": "max-age=31536000" } : {};
}
