// Simulator control and inspection over its /_sim/ API, for the connections tests.
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
