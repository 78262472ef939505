import type { SimulatorConfig } from "../config";
import type { TokenErrorStatus } from "./token-errors";

/** Checks client_id/client_secret from the form; returns the error to send, if any. */
export function checkClientCredentials(form: URLSearchParams, config: SimulatorConfig): TokenErrorStatus | null {
  if (form.get("client_id") !== config.clientId) return "BAD_CLIENT_ID";
  if (form.get("client_secret") !== config.clientSecret) return "BAD_CLIENT_SECRET";
  return null;
}
