// Who may change whose role. OWNER and ADMIN manage people; only an OWNER grants, takes away or
// removes the OWNER role; a tenant never loses its last OWNER (checked inside the change's
// transaction, see lock-tenant-people.ts).
import { AppError } from "@/lib/app-error";
import { roleAtLeast, type Role } from "@/lib/tenancy/roles";
import type { PeopleActor } from "../people-actor";

export function assertMayManagePeople(actor: PeopleActor): void {
  if (!roleAtLeast(actor.role, "ADMIN")) throw new AppError("forbidden", "Only owners and admins can manage members.");
}

/** Granting `role` to someone, or changing/removing someone who holds `currentRole`. */
export function assertMayTouchRole(actor: PeopleActor, ...involved: Role[]): void {
  assertMayManagePeople(actor);
  if (involved.includes("OWNER") && actor.role !== "OWNER") {
    throw new AppError("forbidden", "Only an owner can grant or remove the owner role.");
  }
}

export const LAST_OWNER_MESSAGE = "A tenant needs at least one owner: make someone else an owner first.";
