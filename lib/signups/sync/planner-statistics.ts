// SQLite plans queries without statistics until someone runs ANALYZE, and the app never did: with
// none, it picked the (status, …) index for statements keyed by id and scanned every pending row.
// PRAGMA optimize gathers what is missing or stale; analysis_limit caps each index's sample, so
// the run takes milliseconds even at millions of rows (it runs on the serving thread in-process).
import type { Db } from "@/lib/db/create-client";

const ANALYSIS_ROW_LIMIT = 1000;

export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.$queryRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_ROW_LIMIT}`);
  // 0x10002: also analyze tables that never were (a plain "optimize" only refreshes stale ones).
  await db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
}
