import { randomUUID } from "node:crypto";

// CRM error bodies exactly as HUBSPOT.md quotes them: {status:"error", message, correlationId, category, …}.

export function crmError(category: string, message: string, extra: Record<string, unknown> = {}) {
  return { status: "error", message, correlationId: randomUUID(), category, ...extra };
}

export const invalidAuthentication = () =>
  crmError(
    "INVALID_AUTHENTICATION",
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
  );

export function expiredAuthentication(expiresAt: number, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - expiresAt) / 1000));
  return crmError("EXPIRED_AUTHENTICATION", `The OAuth token used to make this call expired ${seconds} second(s) ago.`, {
    context: { "expire time": [new Date(expiresAt).toISOString()] },
  });
}

export function missingScopes(requiredScopes: string[]) {
  return crmError(
    "MISSING_SCOPES",
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [
        { message: "One or more of the following scopes are required.", context: { requiredGranularScopes: requiredScopes } },
      ],
    },
  );
}

export const contactConflict = (existingId: string) =>
  crmError("CONFLICT", `Contact already exists. Existing ID: ${existingId}`);

export const validationError = (message: string) => crmError("VALIDATION_ERROR", message);

export interface PropertyProblem {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

export function propertyValuesMessage(problems: PropertyProblem[]): string {
  return `Property values were not valid: ${JSON.stringify(problems)}`;
}

export const objectNotFound = () => crmError("OBJECT_NOT_FOUND", "resource not found");

/** 429 bodies carry errorType/policyName instead of a category. */
export function rateLimited(policy: "TEN_SECONDLY_ROLLING" | "SECONDLY") {
  return {
    status: "error",
    message:
      policy === "TEN_SECONDLY_ROLLING"
        ? "You have reached your ten_secondly_rolling limit."
        : "You have reached your secondly limit.",
    errorType: "RATE_LIMIT",
    correlationId: randomUUID(),
    policyName: policy,
  };
}
