// Who changes tenants and people: a signed-in member acting with their role in the tenant, or the
// operator at the command line (no user row, full authority).
import type { Role } from "@/lib/tenancy/roles";

export type PeopleActor = { userId: string | null; label: string; role: Role };

export const OPERATOR_ACTOR: PeopleActor = { userId: null, label: "Operator (command line)", role: "OWNER" };

export function memberActor(user: { id: string; email: string; name: string | null }, role: Role): PeopleActor {
  return { userId: user.id, label: user.name ? `${user.name} (${user.email})` : user.email, role };
}
