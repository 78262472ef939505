// The page policy: scripts only with this response's nonce, never framed, https extras only on https.
import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "@switchboard/lib/security/content-security-policy";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0], part] as const));

describe("page Content-Security-Policy", () => {
  const options = { nonce: "abc123", oauthOrigin: "https://app.hubspot.com", https: false, development: false };

  it("runs only scripts carrying the nonce, and nothing inline or evaluated in production", () => {
    const script = directives(pageContentSecurityPolicy(options)).get("script-src") ?? "";
    expect(script).toContain("'nonce-abc123'");
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(directives(pageContentSecurityPolicy({ ...options, development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins and foreign base URLs; forms go to us or the OAuth consent page", () => {
    const policy = directives(pageContentSecurityPolicy(options));
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
    expect(policy.get("form-action")).toBe("form-action 'self' https://app.hubspot.com");
  });

  it("lets exactly the given origins frame a page (the public form's embed), and no one otherwise", () => {
    const embeddable = directives(
      pageContentSecurityPolicy({ ...options, frameAncestors: ["https://www.contoso.test", "https://shop.contoso.test"] }),
    );
    expect(embeddable.get("frame-ancestors")).toBe("frame-ancestors https://www.contoso.test https://shop.contoso.test");
    expect(directives(pageContentSecurityPolicy({ ...options, frameAncestors: [] })).get("frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(pageContentSecurityPolicy(options)).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ ...options, https: true })).toContain("upgrade-insecure-requests");
  });

  it("uses a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("HSTS", () => {
  it("is sent only when APP_URL is https", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toEqual({});
    expect(strictTransportSecurity("https://switchboard.example")["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
  });
});
