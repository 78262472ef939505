// Server-side OAuth state. The browser carries 256 random bits; we keep only their SHA-256, bound
// to the tenant, (for reconnect) the connection, and to whoever started it: the admin who pressed
// Connect, or the hosted connect session — valid for ten minutes and consumable once.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";

export const OAUTH_STATE_TTL_MS = 10 * 60_000;

/** Who may finish the flow: the admin who started it, or the connect session it was started from. */
export type StatePrincipal = { userId: string } | { connectSessionId: string };

export type OAuthStateBinding = {
  provider: string;
  tenantId: string;
  connectionId?: string | null;
} & StatePrincipal;

export type ConsumedOAuthState = {
  provider: string;
  tenantId: string;
  userId: string | null;
  connectSessionId: string | null;
  connectionId: string | null;
  expiresAt: Date;
};

export type StateRejection = "unknown" | "expired" | "other-user";

export class OAuthStateError extends Error {
  override name = "OAuthStateError";
  constructor(readonly reason: StateRejection) {
    super(`OAuth state rejected: ${reason}`);
  }
}

export function hashState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

export async function createOAuthState(db: Db, binding: OAuthStateBinding, now: Date = new Date()): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  // Abandoned consents would pile up forever otherwise; the expiry index keeps this cheap.
  await db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.oAuthState.create({
    data: {
      stateHash: hashState(state),
      provider: binding.provider,
      tenantId: binding.tenantId,
      userId: "userId" in binding ? binding.userId : null,
      connectSessionId: "connectSessionId" in binding ? binding.connectSessionId : null,
      connectionId: binding.connectionId ?? null,
      expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
    },
  });
  return state;
}

/** Whether a state was started from a hosted connect session (its callback needs no sign-in). */
export async function stateConnectSessionId(db: Db, state: string): Promise<string | null> {
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashState(state) }, select: { connectSessionId: true } });
  return row?.connectSessionId ?? null;
}

/**
 * Consumes a state for this principal. The conditional delete is the atomic step: of two concurrent
 * callbacks with the same state only one deletes the row, the other sees "unknown" (a replay).
 * Another principal's state is rejected WITHOUT being consumed, so it cannot be burnt by a stranger.
 */
export async function consumeOAuthState(
  db: Db,
  state: string,
  principal: StatePrincipal,
  now: Date = new Date(),
): Promise<ConsumedOAuthState> {
  const stateHash = hashState(state);
  const row = await db.oAuthState.findUnique({ where: { stateHash } });
  if (!row) throw new OAuthStateError("unknown");
  const owner = "userId" in principal ? { userId: principal.userId } : { connectSessionId: principal.connectSessionId };
  const matches = "userId" in owner ? row.userId === owner.userId : row.connectSessionId === owner.connectSessionId;
  if (!matches) throw new OAuthStateError("other-user");
  const { count } = await db.oAuthState.deleteMany({ where: { id: row.id, ...owner } });
  if (count !== 1) throw new OAuthStateError("unknown");
  if (row.expiresAt.getTime() <= now.getTime()) throw new OAuthStateError("expired");
  return {
    provider: row.provider,
    tenantId: row.tenantId,
    userId: row.userId,
    connectSessionId: row.connectSessionId,
    connectionId: row.connectionId,
    expiresAt: row.expiresAt,
  };
}
