// Makes a stored access token look like it expires in a minute (inside the 5-minute refresh
// window) while the simulator still honours it, as happens ~25 minutes after every refresh.
import type { Db } from "@switchboard/lib/db/create-client";

export async function expireSoon(db: Db, connectionId: string, secondsLeft = 60): Promise<void> {
  const now = Date.now();
  await db.connection.update({
    where: { id: connectionId },
    data: { accessTokenExpiresAt: new Date(now + secondsLeft * 1000), lastRefreshedAt: new Date(now - 29 * 60_000) },
  });
}
