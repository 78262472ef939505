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
      errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: requiredScopes } }],
    },
  );
}

export const contactConflict = (existingId: string) => crmError("CONFLICT", `Contact already exists. Existing ID: ${existingId}`);

/** An address that is another contact's additional email (the body a 2024 community capture shows). */
export const additionalEmailConflict = (email: string, existingId: string) =>
  crmError("OBJECT_ALREADY_EXISTS", `Contact already exists. Existing ID: ${existingId}`, {
    error: "CONTACT_EXISTS",
    errors: [{ message: `A contact with email ${email} already exists. Existing ID: ${existingId}`, in: "email" }],
  });

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
const RATE_LIMIT_MESSAGES = {
  TEN_SECONDLY_ROLLING: "You have reached your ten_secondly_rolling limit.",
  SECONDLY: "You have reached your secondly limit.",
  DAILY: "You have reached your daily limit.",
} as const;

export function rateLimited(policy: keyof typeof RATE_LIMIT_MESSAGES) {
  return {
    status: "error",
    message: RATE_LIMIT_MESSAGES[policy],
    errorType: "RATE_LIMIT",
    correlationId: randomUUID(),
    policyName: policy,
  };
}
