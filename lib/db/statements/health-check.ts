// The liveness probe's statement: the database answers a trivial query.
import type { Db } from "../create-client";

export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
