// Creating a connect session: a single-use link to the hosted connect page, for someone without a
// Switchboard account (the host's user, or a colleague an admin sends it to). The token carries 256
// random bits; only its SHA-256 is stored, and it is valid for 30 minutes. The return URL must be on
// an origin the tenant allowed (the list signup CORS uses) or Switchboard's own; a connection to
// reconnect must be the tenant's own. Anything else is refused before a row is written.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db/create-client";
import { parseAllowedOrigins } from "@/lib/signups/intake/public-tenant";

export const CONNECT_SESSION_TTL_MS = 30 * 60_000;

export type ConnectSessionRequest = {
  tenantId: string;
  returnUrl: string;
  connectionId?: string | undefined;
  /** The host's reference for its user (id or email): the actor in the audit log. */
  endUserRef?: string | undefined;
  /** Who asked for the link (an API key's label, an admin). */
  createdByLabel: string;
};

export type CreatedConnectSession = { id: string; url: string; expiresAt: Date };

export function hashConnectToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The hosted page's address for a token. */
export function connectPageUrl(appUrl: string, token: string): string {
  return new URL(`/connect/${token}`, appUrl).toString();
}

export async function createConnectSession(
  db: Db,
  appUrl: string,
  request: ConnectSessionRequest,
  now = new Date(),
): Promise<CreatedConnectSession> {
  const tenant = await db.tenant.findUnique({ where: { id: request.tenantId }, select: { id: true, allowedOrigins: true } });
  if (!tenant) throw AppError.notFound("That tenant");
  if (request.connectionId) {
    const owned = await db.connection.findFirst({ where: { id: request.connectionId, tenantId: tenant.id }, select: { id: true } });
    if (!owned) throw AppError.notFound("That connection");
  }
  const origin = originOf(request.returnUrl);
  const allowed = [...parseAllowedOrigins(tenant.allowedOrigins), new URL(appUrl).origin];
  if (!origin || !allowed.includes(origin)) {
    throw new AppError("invalid_input", "The returnUrl must be an http(s) URL on one of the tenant's allowed origins.", {
      fieldErrors: { returnUrl: ["Not on an allowed origin. Add the origin to the tenant's allowed origins first."] },
    });
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CONNECT_SESSION_TTL_MS);
  // Abandoned links would pile up forever otherwise; the expiry index keeps this cheap.
  await db.connectSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - CONNECT_SESSION_TTL_MS) } } });
  const row = await db.connectSession.create({
    data: {
      tokenHash: hashConnectToken(token),
      tenantId: tenant.id,
      connectionId: request.connectionId ?? null,
      returnUrl: request.returnUrl,
      endUserRef: request.endUserRef ?? null,
      createdByLabel: request.createdByLabel,
      expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, url: connectPageUrl(appUrl, token), expiresAt };
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
