// GET /api/health — liveness for load balancers and the e2e runner: the app answers and the database responds.
import { NextResponse } from "next/server";
import { db } from "@switchboard/lib/runtime/process-runtime";
import { pingDatabase } from "@switchboard/lib/db/statements/health-check";
import { log } from "@switchboard/lib/log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDatabase(db);
    return NextResponse.json({ status: "ok", database: "ok" });
  } catch (error) {
    log.error("health check: database unreachable", { error });
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
