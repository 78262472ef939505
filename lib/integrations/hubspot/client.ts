// hubspotClient(accessToken): the SDK client aimed at the configured HUBSPOT_API_BASE_URL
// (the real API, or the simulator in the demo and tests). Used by the signup sync too.
import type { Client } from "@hubspot/api-client";
import { serverEnv } from "@/lib/env/server";
import { createHubspotSdkClient } from "./sdk-client";

export function hubspotClient(accessToken: string): Client {
  return createHubspotSdkClient(accessToken, serverEnv().HUBSPOT_API_BASE_URL);
}
