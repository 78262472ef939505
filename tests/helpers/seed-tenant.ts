// Tenants, people and memberships for tests (and the benchmarks), written with the ordinary Prisma
// client. Every seeded person can sign in with KNOWN_PASSWORD unless given another password, or
// `password: null` for an account without one (single sign-on only).
import { randomBytes } from "node:crypto";
import type { Db } from "@switchboard/lib/db/create-client";
import { hashPassword } from "@switchboard/lib/auth/password";
import { actorFromUser, type FlowActor } from "@switchboard/lib/integrations/flows/types";
import { memberActor, type PeopleActor } from "@switchboard/lib/people/people-actor";
import type { Role } from "@switchboard/lib/tenancy/roles";

export const KNOWN_PASSWORD = "correct horse battery";

export type PersonSpec = { role: Role; email?: string; name?: string; password?: string | null };
export type UserSpec = Omit<PersonSpec, "role"> & { email: string };

/** A member of the seeded tenant; `actor` serves both the connection flows and the people flows. */
export type SeededPerson = {
  userId: string;
  membershipId: string;
  email: string;
  name: string | null;
  role: Role;
  actor: FlowActor & PeopleActor;
};

export type SeedTenantOptions = { slug?: string; name?: string; allowedOrigins?: string; people?: readonly PersonSpec[] };

// bcrypt is slow on purpose: one hash per distinct password per process.
const hashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

/**
 * A tenant and its people, one per spec in order (default: one owner); `people` is typed as a tuple
 * of the same length, so `const { people: [owner, admin] } = …` needs no checks. Slugs and emails
 * are unique unless given.
 */
export async function seedTenant<const P extends readonly PersonSpec[] = [{ role: "OWNER" }]>(
  db: Db,
  options: SeedTenantOptions & { people?: P } = {},
) {
  const slug = options.slug ?? `tenant-${randomBytes(3).toString("hex")}`;
  const tenant = await db.tenant.create({
    data: { slug, name: options.name ?? slug[0]!.toUpperCase() + slug.slice(1), allowedOrigins: options.allowedOrigins ?? "" },
  });
  const people: SeededPerson[] = [];
  for (const spec of options.people ?? [{ role: "OWNER" as const }]) people.push(await seedPerson(db, tenant.id, spec));
  return { tenant, people: people as { -readonly [K in keyof P]: SeededPerson } };
}

/** A membership in an existing tenant, for a new user or the existing one with that email. */
export async function seedPerson(db: Db, tenantId: string, spec: PersonSpec): Promise<SeededPerson> {
  const user = await seedUser(db, {
    ...spec,
    email: spec.email ?? `${spec.role.toLowerCase()}-${randomBytes(3).toString("hex")}@example.test`,
  });
  const membership = await db.membership.create({ data: { userId: user.id, tenantId, role: spec.role } });
  return {
    userId: user.id,
    membershipId: membership.id,
    email: user.email,
    name: user.name,
    role: spec.role,
    actor: { ...actorFromUser(user), ...memberActor(user, spec.role) },
  };
}

/** A user without memberships (or the existing one with that email); named after the email by default. */
export async function seedUser(db: Db, spec: UserSpec) {
  const existing = await db.user.findUnique({ where: { email: spec.email } });
  if (existing) return existing;
  const password = spec.password === undefined ? KNOWN_PASSWORD : spec.password;
  return db.user.create({
    data: {
      email: spec.email,
      name: spec.name ?? spec.email.split("@")[0] ?? null,
      passwordHash: password === null ? null : await hashOf(password),
    },
  });
}
