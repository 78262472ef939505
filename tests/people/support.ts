// Shared arrangements for the people tests: a tenant with an owner, and the links config.
import type { Db } from "@switchboard/lib/db/create-client";
import { hashPassword } from "@switchboard/lib/auth/password";
import { memberActor, type PeopleActor } from "@switchboard/lib/people/people-actor";
import type { Role } from "@switchboard/lib/tenancy/roles";

export const links = { appUrl: "http://localhost:3000", productName: "Switchboard" };

let cachedHash: Promise<string> | undefined;
/** One bcrypt hash of "correct horse battery" for every arranged user (bcrypt is slow on purpose). */
export const knownPasswordHash = () => (cachedHash ??= hashPassword("correct horse battery"));

export async function addPerson(db: Db, tenantId: string, email: string, role: Role): Promise<{ userId: string; membershipId: string; actor: PeopleActor }> {
  const user = await db.user.create({ data: { email, name: email.split("@")[0] ?? null, passwordHash: await knownPasswordHash() } });
  const membership = await db.membership.create({ data: { userId: user.id, tenantId, role } });
  return { userId: user.id, membershipId: membership.id, actor: memberActor(user, role) };
}

export async function arrangeTenant(db: Db, slug = "acme") {
  const tenant = await db.tenant.create({ data: { name: slug[0]!.toUpperCase() + slug.slice(1), slug } });
  const owner = await addPerson(db, tenant.id, `owner@${slug}.test`, "OWNER");
  return { tenant, owner };
}
