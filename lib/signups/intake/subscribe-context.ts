// The app's own SubscribeContext: its database client, the URL that picks intake's writer, and its
// public address (for CORS and the thank-you redirect).
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env/server";
import type { SubscribeContext } from "./handle-subscribe";

export function appSubscribeContext(): SubscribeContext {
  const env = serverEnv();
  return { db, databaseUrl: env.DATABASE_URL, appUrl: env.APP_URL };
}
