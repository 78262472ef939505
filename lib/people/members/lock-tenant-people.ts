// Serialises changes to one tenant's memberships: the first write of the transaction touches the
// tenant row, so on PostgreSQL a concurrent change of the same tenant waits for this one (SQLite
// serialises writers anyway). Without it two owners demoting each other at once could both see
// "another owner remains" and leave the tenant with none.
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/app-error";
import { LAST_OWNER_MESSAGE } from "./role-rules";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function withTenantPeopleLock<T>(db: Db, tenantId: string, change: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const locked = await tx.tenant.updateMany({ where: { id: tenantId }, data: { updatedAt: new Date() } });
    if (locked.count === 0) throw AppError.notFound("That tenant");
    const result = await change(tx);
    const owners = await tx.membership.count({ where: { tenantId, role: "OWNER" } });
    if (owners === 0) throw new AppError("conflict", LAST_OWNER_MESSAGE);
    return result;
  });
}
