// The deployment's unsubscribe links: its public address and the link key from the configuration
// (UNSUBSCRIBE_LINK_SECRET, or else AUTH_SECRET). The key is derived once per secret.
import type { ServerEnv } from "@/lib/env/server";
import { unsubscribeLinkKey } from "./unsubscribe-link";

export type UnsubscribeLinks = { appUrl: string; key: Buffer };

type LinkSettings = Pick<ServerEnv, "APP_URL" | "AUTH_SECRET" | "UNSUBSCRIBE_LINK_SECRET">;

let cached: { secret: string; links: UnsubscribeLinks } | undefined;

export function unsubscribeLinksOf(env: LinkSettings): UnsubscribeLinks {
  const secret = env.UNSUBSCRIBE_LINK_SECRET ?? env.AUTH_SECRET;
  if (!cached || cached.secret !== secret || cached.links.appUrl !== env.APP_URL)
    cached = { secret, links: { appUrl: env.APP_URL, key: unsubscribeLinkKey(secret) } };
  return cached.links;
}
