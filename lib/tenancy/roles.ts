// Membership roles, weakest first. Mirrors the Prisma `Role` enum; the order is what `minRole` means.
export const roles = ["MEMBER", "ADMIN", "OWNER"] as const;
export type Role = (typeof roles)[number];

export function roleAtLeast(actual: Role, minimum: Role): boolean {
  return roles.indexOf(actual) >= roles.indexOf(minimum);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
