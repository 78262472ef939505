// The deployment's unsubscribe links: its public address and the link key from the configuration
// (UNSUBSCRIBE_LINK_SECRET, or else AUTH_SECRET), for callers inside a request.
import { serverEnv } from "@/lib/env/server";
import { unsubscribeLinkKey } from "./unsubscribe-link";

export type UnsubscribeLinks = { appUrl: string; key: Buffer };

let cached: { secret: string; links: UnsubscribeLinks } | undefined;

export function configuredUnsubscribeLinks(): UnsubscribeLinks {
  const env = serverEnv();
  const secret = env.UNSUBSCRIBE_LINK_SECRET ?? env.AUTH_SECRET;
  if (cached?.secret !== secret || cached.links.appUrl !== env.APP_URL) cached = { secret, links: { appUrl: env.APP_URL, key: unsubscribeLinkKey(secret) } };
  return cached.links;
}
