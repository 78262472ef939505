import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson } from "../http/respond";

// OAuth error bodies in HubSpot's standardized shape (same on v1 and v3): a HubSpot
// `status` code plus the RFC 6749 `error` / `error_description` pair.

const TOKEN_ERRORS = {
  BAD_AUTH_CODE: { error: "invalid_grant", message: "missing or unknown auth code" },
  BAD_REFRESH_TOKEN: { error: "invalid_grant", message: "refresh token is invalid, expired or revoked" },
  BAD_REDIRECT_URI: { error: "invalid_grant", message: "redirect_uri does not match the redirect_uri of the auth code" },
  BAD_CLIENT_ID: { error: "invalid_client", message: "missing or unknown client id" },
  BAD_CLIENT_SECRET: { error: "invalid_client", message: "missing or invalid client secret" },
  BAD_GRANT_TYPE: { error: "unsupported_grant_type", message: "missing or unsupported grant_type" },
  BAD_REQUEST: { error: "invalid_request", message: "missing required parameter: token" },
} as const;

export type TokenErrorStatus = keyof typeof TOKEN_ERRORS;

export function tokenErrorBody(status: TokenErrorStatus) {
  const { error, message } = TOKEN_ERRORS[status];
  return { status, message, error, error_description: message, correlationId: randomUUID() };
}

export function sendTokenError(res: ServerResponse, status: TokenErrorStatus): void {
  sendJson(res, 400, tokenErrorBody(status));
}
