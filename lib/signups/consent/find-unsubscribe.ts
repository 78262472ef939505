// What an unsubscribe link names: a forged or malformed token names nothing ("invalid", the same
// answer as a signup that no longer exists), otherwise the signup and whether it is unsubscribed.
import type { Db } from "@/lib/db/create-client";
import { verifyUnsubscribeToken } from "./unsubscribe-link";

export type UnsubscribeLookup =
  { state: "invalid" } | { state: "subscribed" | "unsubscribed"; signupId: string; tenantId: string; email: string; tenantName: string };

export async function findUnsubscribe(db: Db, key: Buffer, token: string): Promise<UnsubscribeLookup> {
  const signupId = verifyUnsubscribeToken(key, token);
  if (!signupId) return { state: "invalid" };
  const row = await db.signup.findUnique({
    where: { id: signupId },
    select: { id: true, tenantId: true, email: true, status: true, tenant: { select: { name: true } } },
  });
  if (!row) return { state: "invalid" };
  return {
    state: row.status === "UNSUBSCRIBED" ? "unsubscribed" : "subscribed",
    signupId: row.id,
    tenantId: row.tenantId,
    email: row.email,
    tenantName: row.tenant.name,
  };
}
