// A connect session from the hosted page's side: read it for the page (nothing changes), use it
// ("Connect HubSpot": the one use, atomically, so two tabs with one link cannot both go on), and
// finish it in the OAuth callback — the state is bound to the session, and the browser must hold
// the session's token in a cookie, so a state minted for another session is refused. Expired,
// used, forged or unknown tokens change nothing and are reported as one of three reasons.
import type { Db } from "@/lib/db/create-client";
import { createOAuthState, consumeOAuthState, OAuthStateError, stateConnectSessionId } from "../oauth-state";
import type { IntegrationServices } from "../services";
import { authorizeGrant, type GrantResult } from "../flows/authorize-grant";
import { callbackQuerySchema } from "../flows/callback-outcome";
import { hashConnectToken } from "./create-connect-session";

export type SessionProblem = "unknown" | "expired" | "used";
export type ConnectMode = "popup" | "redirect";

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export type ReadySession = { id: string; tenantName: string; reconnectPortalId: string | null; returnOrigin: string; expiresAt: Date };

export async function readConnectSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ ok: true; session: ReadySession } | { ok: false; problem: SessionProblem }> {
  if (!tokenPattern.test(token)) return { ok: false, problem: "unknown" };
  const row = await db.connectSession.findUnique({
    where: { tokenHash: hashConnectToken(token) },
    select: { id: true, returnUrl: true, connectionId: true, expiresAt: true, usedAt: true, tenant: { select: { name: true } } },
  });
  if (!row) return { ok: false, problem: "unknown" };
  if (row.usedAt) return { ok: false, problem: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: "expired" };
  const connection = row.connectionId
    ? await db.connection.findUnique({ where: { id: row.connectionId }, select: { portalId: true } })
    : null;
  return {
    ok: true,
    session: {
      id: row.id,
      tenantName: row.tenant.name,
      reconnectPortalId: connection?.portalId ?? null,
      returnOrigin: new URL(row.returnUrl).origin,
      expiresAt: row.expiresAt,
    },
  };
}

/** "Connect HubSpot": uses the session (once) and returns where to send the browser. */
export async function beginConnectSession(
  db: Db,
  token: string,
  mode: ConnectMode,
  services: Pick<IntegrationServices, "provider">,
  providerId: string,
  now = new Date(),
): Promise<{ ok: true; authorizeUrl: string } | { ok: false; problem: SessionProblem }> {
  const read = await readConnectSession(db, token, now);
  if (!read.ok) return read;
  // The conditional update is the one use: of two tabs pressing at once, exactly one gets count 1.
  const { count } = await db.connectSession.updateMany({
    where: { id: read.session.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, mode },
  });
  if (count !== 1) return { ok: false, problem: "used" };
  const session = await db.connectSession.findUniqueOrThrow({
    where: { id: read.session.id },
    select: { tenantId: true, connectionId: true },
  });
  const provider = services.provider(providerId);
  const state = await createOAuthState(
    db,
    { provider: provider.id, tenantId: session.tenantId, connectSessionId: read.session.id, connectionId: session.connectionId },
    now,
  );
  return { ok: true, authorizeUrl: provider.authorizeUrl(state) };
}

export type SessionResult = { connection_id: string; status: "connected" | "reconnected" } | { error: string };

export type SessionCallbackOutcome =
  | { kind: "return"; sessionId: string; mode: ConnectMode; returnUrl: string; result: SessionResult }
  | { kind: "refused"; title: string; message: string };

/** Whether this callback belongs to a hosted connect session (then no sign-in is needed). */
export async function isSessionCallback(db: Db, query: Record<string, string | undefined>): Promise<boolean> {
  const parsed = callbackQuerySchema.safeParse(query);
  return parsed.success && (await stateConnectSessionId(db, parsed.data.state)) !== null;
}

export async function finishConnectSession(
  db: Db,
  query: Record<string, string | undefined>,
  browserToken: string | undefined,
  services: IntegrationServices,
): Promise<SessionCallbackOutcome> {
  const parsed = callbackQuerySchema.safeParse(query);
  if (!parsed.success) return refused("This connection link is not valid", "The answer from HubSpot was incomplete. Ask for a new link.");
  const sessionId = await stateConnectSessionId(db, parsed.data.state);
  const session = sessionId ? await db.connectSession.findUnique({ where: { id: sessionId } }) : null;
  if (!session) return refused("This connection link is not valid", "It was already used, or was never issued. Ask for a new link.");
  // The browser that pressed Connect holds the session's token: a state from another session (or
  // browser) is refused without being consumed.
  if (!browserToken || hashConnectToken(browserToken) !== session.tokenHash) {
    return refused(
      "This connection was started somewhere else",
      "Finish it in the browser window where Connect HubSpot was pressed, or ask for a new link.",
    );
  }
  const back = (result: SessionResult): SessionCallbackOutcome => ({
    kind: "return",
    sessionId: session.id,
    mode: session.mode === "popup" ? "popup" : "redirect",
    returnUrl: session.returnUrl,
    result,
  });
  let state;
  try {
    state = await consumeOAuthState(db, parsed.data.state, { connectSessionId: session.id });
  } catch (failure) {
    if (!(failure instanceof OAuthStateError)) throw failure;
    return failure.reason === "expired"
      ? back({ error: "session_expired" })
      : refused("This connection link was already used", "Ask for a new link.");
  }
  const { code, error, error_description } = parsed.data;
  const result = await authorizeGrant(db, {
    actor: { id: null, label: session.endUserRef ? `${session.endUserRef.slice(0, 200)} (connect link)` : "Connect link" },
    state,
    services,
    answer: {
      ...(code ? { code } : {}),
      ...(error ? { error } : {}),
      ...(error_description ? { errorDescription: error_description } : {}),
    },
  });
  return back(resultOf(result));
}

function resultOf(result: GrantResult): SessionResult {
  if (result.ok) return { connection_id: result.connectionId, status: result.status === "reconnected" ? "reconnected" : "connected" };
  return { error: result.error };
}

function refused(title: string, message: string): SessionCallbackOutcome {
  return { kind: "refused", title, message };
}

/** The returnUrl with the result added to its query. */
export function returnLocation(returnUrl: string, result: SessionResult): string {
  const url = new URL(returnUrl);
  for (const [name, value] of Object.entries(result)) url.searchParams.set(name, value);
  return url.toString();
}

/** For the popup's last page: where the result may be posted (the returnUrl's origin, only). */
export async function finishedPopupSession(db: Db, sessionId: string): Promise<{ returnUrl: string; returnOrigin: string } | null> {
  const row = await db.connectSession.findUnique({ where: { id: sessionId }, select: { returnUrl: true, usedAt: true, mode: true } });
  if (!row?.usedAt || row.mode !== "popup") return null;
  return { returnUrl: row.returnUrl, returnOrigin: new URL(row.returnUrl).origin };
}
