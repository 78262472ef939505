// Failure kinds every caller of a provider must tell apart. Messages are written for admins and
// never contain token material (provider bodies are summarised, not copied).

/** Permanent: the grant is gone (revoked, uninstalled, invalid_grant, missing required scopes). */
export class NeedsReconnectError extends Error {
  override name = "NeedsReconnectError";
  constructor(
    message: string,
    readonly connectionId?: string,
  ) {
    super(message);
  }
}

/** A stored token that the configured keys cannot decrypt: as unusable as a revoked grant. */
export class UndecryptableTokenError extends NeedsReconnectError {
  override name = "UndecryptableTokenError";
}

/** Transient: the provider is down, slow or rate limiting; trying again later may work. */
export class ProviderUnavailableError extends Error {
  override name = "ProviderUnavailableError";
  constructor(
    message: string,
    readonly connectionId?: string,
  ) {
    super(message);
  }
}

/** The provider answered something we cannot use (bad shape, wrong client, unexpected status). */
export class ProviderResponseError extends Error {
  override name = "ProviderResponseError";
}

/** Raised by a provider when the authorization server rejects a grant (code or refresh token). */
export class InvalidGrantError extends Error {
  override name = "InvalidGrantError";
}

/**
 * The provider refused an access token we still held for valid (a 401, or introspection says
 * inactive): it may have expired early or been rotated. A fresh one from the refresh token may
 * work; only if that fails too is the grant gone (see withAccessToken).
 */
export class AccessTokenRejectedError extends InvalidGrantError {
  override name = "AccessTokenRejectedError";
}

export function describeError(error: unknown): string {
  if (error instanceof NeedsReconnectError || error instanceof ProviderUnavailableError) return error.message;
  if (error instanceof ProviderResponseError || error instanceof InvalidGrantError) return error.message;
  return "Unexpected error";
}
