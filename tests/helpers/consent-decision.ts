// Drives the simulator's consent screen over plain HTTP, exactly as the browser form would:
// POST /oauth/authorize/decision echoing the authorize query, then read the 302 back to us.
export async function decideConsent(authorizeUrl: string, decision: "grant" | "cancel", portalId = 62515): Promise<URLSearchParams> {
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
