// GET /metrics — Prometheus metrics of this process; off (404) unless METRICS_TOKEN is set,
// and then only for `Authorization: Bearer <METRICS_TOKEN>`.
import { createHash, timingSafeEqual } from "node:crypto";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const token = processRuntime().env.METRICS_TOKEN;
  if (!token) return new Response("Not found\n", { status: 404 });
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    return new Response("Unauthorized\n", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  // The runtime registered its database's gauges on this registry when it was built.
  const { registry } = processRuntime().metrics;
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}

// Hashes first so the comparison is constant-time whatever the lengths.
function bearerMatches(header: string | null, token: string): boolean {
  const presented = header?.match(/^Bearer (.+)$/)?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return presented.length > 0 && timingSafeEqual(digest(presented), digest(token));
}
