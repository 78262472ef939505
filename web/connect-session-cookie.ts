// The cookie that ties a hosted connect session to the browser that pressed "Connect HubSpot": it
// holds the session token, is sent only to the OAuth callback, and lasts as long as the session.
import { OAUTH_CALLBACK_PATH } from "@switchboard/lib/security/response-security-headers";

export const CONNECT_SESSION_COOKIE = "sb_connect_session";

/** The cookie's value and attributes (after `name=`). SameSite=Lax: HubSpot's redirect is a top-level GET. */
export function connectSessionCookie(token: string, appUrl: string): string {
  const secure = appUrl.startsWith("https://") ? "; Secure" : "";
  return `${token}; Path=${OAUTH_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=1800${secure}`;
}

export function clearConnectSessionCookie(): string {
  return `${CONNECT_SESSION_COOKIE}=; Path=${OAUTH_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`;
}
