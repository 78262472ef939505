// The ONE application error: what went wrong for the caller, as a code. Route handlers turn it into
// an HTTP status (and an RFC 9457 problem document), server actions into a form state. Messages are
// written for the person or program on the other end; they never carry secrets or another
// tenant's data. Anything that is not an AppError is a bug or an outage: logged, answered generically.
import type { z } from "zod";

const STATUS_BY_CODE = {
  bad_request: 400,
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof STATUS_BY_CODE;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; reason?: string } = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  /** The same answer for "does not exist" and "not yours": no hint that another tenant's object exists. */
  static notFound(what = "That"): AppError {
    return new AppError("not_found", `${what} was not found.`);
  }

  static invalidInput(error: z.ZodError, message = "Some fields need attention."): AppError {
    return new AppError("invalid_input", message, { fieldErrors: fieldErrorsOf(error) });
  }
}

/** Every message per field (top-level key; "form" for the whole input), for forms and problem
 * documents alike. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}
