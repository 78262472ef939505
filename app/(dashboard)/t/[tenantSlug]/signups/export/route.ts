// GET /t/{tenant}/signups/export — the tenant's signups (same filters as the page) as CSV,
// streamed page by page along the keyset, so a million rows never sit in memory at once.
import { db } from "@switchboard/lib/runtime/process-runtime";
import { listSignups, signupListQuerySchema } from "@switchboard/lib/signups/dashboard/list-signups";
import { csvLine, SIGNUP_CSV_HEADER, signupCsvRow } from "@switchboard/lib/signups/dashboard/signups-csv";
import { findTenantAccess } from "@/web/tenant-guard";

export const dynamic = "force-dynamic";

const PAGE = 1000;

export async function GET(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }): Promise<Response> {
  const { tenantSlug } = await params;
  const access = await findTenantAccess(tenantSlug);
  if (!access) return new Response("Not found\n", { status: 404 });
  const url = new URL(request.url);
  const query = signupListQuerySchema.parse({
    status: url.searchParams.get("status") ?? undefined,
    q: url.searchParams.get("q") ?? undefined,
  });
  const tenantId = access.tenant.id;
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    // One page per pull: the stream only reads ahead as fast as the client downloads.
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(SIGNUP_CSV_HEADER)));
      }
      const page = await listSignups(db, tenantId, { ...query, after }, PAGE);
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map(signupCsvRow).join("")));
      if (!page.next) controller.close();
      else after = page.next;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="signups-${access.tenant.slug}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
