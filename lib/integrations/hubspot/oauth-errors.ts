// Turns whatever oauth4webapi or fetch threw into one of our three failure kinds. Only status
// codes and OAuth error codes are kept: HubSpot bodies are never copied into our messages.
import * as oauth from "oauth4webapi";
import { InvalidGrantError, ProviderResponseError, ProviderUnavailableError } from "../errors";

export function classifyOAuthFailure(error: unknown, operation: string): Error {
  if (error instanceof InvalidGrantError || error instanceof ProviderUnavailableError) return error;
  if (error instanceof ProviderResponseError) return error;
  if (error instanceof oauth.ResponseBodyError) {
    if (error.error === "invalid_grant") {
      return new InvalidGrantError(`HubSpot rejected the grant during ${operation} (invalid_grant)`);
    }
    if (error.status === 429) return new ProviderUnavailableError(`HubSpot rate-limited ${operation} (429)`);
    return new ProviderResponseError(`HubSpot refused ${operation}: ${error.error} (HTTP ${error.status})`);
  }
  const status = responseStatus(error);
  if (status !== undefined) {
    if (status >= 500 || status === 429) {
      return new ProviderUnavailableError(`HubSpot is unavailable for ${operation} (HTTP ${status})`);
    }
    return new ProviderResponseError(`HubSpot answered ${operation} with unexpected HTTP ${status}`);
  }
  if (isNetworkFailure(error)) {
    return new ProviderUnavailableError(`Could not reach HubSpot for ${operation} (network error or timeout)`);
  }
  return new ProviderResponseError(`HubSpot sent an unusable response to ${operation}`);
}

/** oauth4webapi reports a non-conforming status with the Response as the error's cause. */
function responseStatus(error: unknown): number | undefined {
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response) return error.cause.status;
  if (error instanceof oauth.WWWAuthenticateChallengeError) return error.status;
  return undefined;
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // fetch throws TypeError("fetch failed") for refused/reset connections; AbortSignal.timeout a TimeoutError.
  return error.name === "TypeError" || error.name === "TimeoutError" || error.name === "AbortError";
}
