// Single sign-on: what the host's identity provider (OpenID Connect) said about the person, turned
// into a Switchboard account. Only a VERIFIED email is trusted: it is what matches an existing
// account (or creates one without a password). With a roles claim configured, entries like
// "acme:ADMIN" grant or raise memberships just in time — never OWNER, never lowering or removing.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { displayTextSchema } from "@/lib/display-text";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { roleAtLeast, type Role } from "@/lib/tenancy/roles";
import { normalizeEmail } from "./password";

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().trim().max(320).pipe(z.email()).optional(),
  // Some providers send the flag as a string.
  email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]).optional(),
  // The identity provider's display name under the one display-text rule; an unusable one is dropped,
  // not a reason to refuse the sign-in.
  name: displayTextSchema({ label: "Name", max: 100 }).optional().catch(undefined),
});

const grantableRoles = ["ADMIN", "MEMBER"] as const satisfies readonly Role[];

export type OidcUser = { id: string; email: string; name: string | null };

/** The account these claims sign in to; claims without a verified email throw an "unauthenticated" AppError. */
export async function signInWithOidcClaims(
  db: Db,
  rawClaims: unknown,
  options: { rolesClaim?: string | undefined } = {},
): Promise<OidcUser> {
  const claims = claimsSchema.safeParse(rawClaims);
  if (!claims.success || !claims.data.email || claims.data.email_verified !== true) {
    throw new AppError("unauthenticated", "Your identity provider did not confirm a verified email address.", {
      reason: "no-verified-email",
    });
  }
  const email = normalizeEmail(claims.data.email);
  const user = await db.user.upsert({
    where: { email },
    create: { email, name: claims.data.name ?? null, passwordHash: null },
    update: {},
    select: { id: true, email: true, name: true },
  });
  if (options.rolesClaim) await grantClaimedMemberships(db, user, (rawClaims as Record<string, unknown>)[options.rolesClaim]);
  return user;
}

/** "slug:ROLE" entries from an array or a space/comma separated string; anything else is ignored. */
export function parseRoleClaim(value: unknown): Array<{ slug: string; role: (typeof grantableRoles)[number] }> {
  const entries = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[\s,]+/) : [];
  return entries.flatMap((entry) => {
    if (typeof entry !== "string") return [];
    const [slug, role] = entry.trim().split(":");
    const upper = role?.toUpperCase();
    return slug && (grantableRoles as readonly string[]).includes(upper ?? "")
      ? [{ slug: slug.toLowerCase(), role: upper as (typeof grantableRoles)[number] }]
      : [];
  });
}

async function grantClaimedMemberships(db: Db, user: { id: string; email: string }, claim: unknown): Promise<void> {
  for (const { slug, role } of parseRoleClaim(claim)) {
    const tenant = await db.tenant.findUnique({ where: { slug }, select: { id: true } });
    if (!tenant) continue;
    const existing = await db.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: tenant.id } } });
    if (existing && roleAtLeast(existing.role, role)) continue;
    if (existing) await db.membership.update({ where: { id: existing.id }, data: { role } });
    else {
      try {
        await db.membership.create({ data: { userId: user.id, tenantId: tenant.id, role } });
      } catch (error) {
        // A second sign-in of the same person at the same moment created it first: nothing to do.
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    await recordAuditEvent(db, {
      tenantId: tenant.id,
      actorUserId: user.id,
      actorLabel: "Single sign-on",
      action: "member_sso_grant",
      outcome: "success",
      subject: `person:${user.email}`,
      detail: `${user.email} ${existing ? `raised from ${existing.role} to` : "joined as"} ${role} (identity provider claim)`,
    });
  }
}
