// Runs one provider call with the connection's access token, and survives the token being refused
// before its recorded expiry (revoked early, rotated by the provider): the stored token is dropped,
// a fresh one is taken from the refresh token, and the call is tried once more. Only when that
// also fails does the caller see the grant as gone (Needs reconnect).
import type { Db } from "@/lib/db/create-client";
import { forgetAccessToken, getValidAccessToken } from "./connection-tokens";
import { AccessTokenRejectedError } from "./errors";
import type { IntegrationServices } from "./services";

export async function withAccessToken<T>(db: Db, connectionId: string, services: IntegrationServices, call: (accessToken: string) => Promise<T>): Promise<T> {
  try {
    return await call(await getValidAccessToken(db, connectionId, services));
  } catch (error) {
    if (!(error instanceof AccessTokenRejectedError)) throw error;
  }
  await forgetAccessToken(db, connectionId);
  return call(await getValidAccessToken(db, connectionId, services));
}
