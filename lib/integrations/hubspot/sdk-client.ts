// The one place an @hubspot/api-client Client is constructed. The SDK keeps retry/limiter settings
// in a process-wide singleton that every `new Client()` overwrites, so every client in the process
// must be built with these same options. We retry ourselves (with backoff and status tracking).
import { Client } from "@hubspot/api-client";

export const HUBSPOT_SDK_OPTIONS = Object.freeze({ numberOfApiCallRetries: 0 });

export function createHubspotSdkClient(accessToken: string, basePath: string): Client {
  return new Client({ ...HUBSPOT_SDK_OPTIONS, accessToken, basePath });
}
