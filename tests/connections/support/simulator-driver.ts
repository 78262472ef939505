// Drives the simulator's consent screen over plain HTTP, exactly as the browser form would:
// POST /oauth/authorize/decision echoing the authorize query, then read the 302 back to us.
export async function decideConsent(
  authorizeUrl: string,
  decision: "grant" | "cancel",
  portalId = 62515,
): Promise<URLSearchParams> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("portal_id", String(portalId));
  form.set("decision", decision);
  const response = await fetch(new URL("/oauth/authorize/decision", url.origin), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) {
    throw new Error(`consent decision answered ${response.status}: ${await response.text()}`);
  }
  return new URL(location).searchParams;
}

export type LoggedRequest = { method: string; path: string; status: number | null; grantType?: string; portalId?: number };

export async function simRequests(simUrl: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${simUrl}/_sim/requests`);
  const body = (await response.json()) as { requests: LoggedRequest[] };
  return body.requests;
}

export async function simControl(simUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** Token-endpoint calls (a faulted call is logged before its grant type is read, so count by path). */
export function countTokenRequests(requests: LoggedRequest[]): number {
  return requests.filter((r) => r.method === "POST" && /^\/oauth\/(v1|v3|2026-03)\/token$/.test(r.path)).length;
}
