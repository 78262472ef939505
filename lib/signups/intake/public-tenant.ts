// The public face of a tenant: the slice anonymous visitors may cause us to read (never members or
// tokens), remembered for two seconds on the hot path, and which browser origins may call its API.
// Settings edits (origins, consent text, form fields) apply within those seconds.
import type { Db } from "@/lib/db/create-client";
import { parseSignupFields, type SignupFields } from "../fields/signup-fields";
import type { HeaderReader } from "./intake-exchange";

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  consentText: string;
  doubleOptIn: boolean;
  allowedOrigins: string[];
  /** The optional form fields it shows (never the CRM's other properties). */
  signupFields: SignupFields;
}

export async function findPublicTenant(db: Db, slug: string): Promise<PublicTenant | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(slug)) return null;
  const tenant = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, consentText: true, doubleOptIn: true, allowedOrigins: true, signupFields: true },
  });
  if (!tenant) return null;
  return { ...tenant, allowedOrigins: parseAllowedOrigins(tenant.allowedOrigins), signupFields: parseSignupFields(tenant.signupFields) };
}

/** Stored one per line; anything that is not a bare http(s) origin is ignored. */
export function parseAllowedOrigins(stored: string): string[] {
  return stored
    .split(/[\s,]+/)
    .map((line) => canonicalOrigin(line))
    .filter((origin): origin is string => origin !== null);
}

export function canonicalOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    // An origin is scheme + host + port; a path, query or credentials mean the admin typed a URL.
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

// Bounded in time and size, so requests for endless made-up slugs cannot grow memory.
const TTL_MS = 2_000;
const MAX_ENTRIES = 1_000;

const remembered = new Map<string, { tenant: PublicTenant | null; expiresAt: number }>();

export async function cachedPublicTenant(db: Db, slug: string): Promise<PublicTenant | null> {
  const now = Date.now();
  const hit = remembered.get(slug);
  if (hit && hit.expiresAt > now) return hit.tenant;
  const tenant = await findPublicTenant(db, slug);
  if (remembered.size >= MAX_ENTRIES) remembered.clear();
  remembered.set(slug, { tenant, expiresAt: now + TTL_MS });
  return tenant;
}

// CORS: only origins a tenant's admins listed may read our answers from a browser; requests from
// other browser origins are refused outright.
type WithHeaders = { headers: HeaderReader };

export type OriginVerdict = "no-origin" | "allowed" | "forbidden";

export function checkOrigin(request: WithHeaders, allowedOrigins: readonly string[], ownOrigin: string): OriginVerdict {
  const origin = request.headers.get("origin");
  // Server-to-server calls and same-origin navigations carry no (or our own) Origin.
  if (!origin || origin === ownOrigin) return "no-origin";
  return allowedOrigins.includes(origin) ? "allowed" : "forbidden";
}

export function corsHeaders(request: WithHeaders, verdict: OriginVerdict): Record<string, string> {
  if (verdict !== "allowed") return { Vary: "Origin" };
  return {
    "Access-Control-Allow-Origin": request.headers.get("origin") ?? "",
    "Access-Control-Expose-Headers": "Retry-After",
    Vary: "Origin",
  };
}

export function preflightHeaders(request: WithHeaders, verdict: OriginVerdict): Record<string, string> {
  if (verdict !== "allowed") return { Vary: "Origin" };
  return {
    ...corsHeaders(request, verdict),
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
  };
}
