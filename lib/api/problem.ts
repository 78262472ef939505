// RFC 9457 problem documents: every error of /api/v1 is one, with the AppError's code as its type
// and, for bad input, the messages per field. Nothing in here ever quotes a secret.
import { z } from "zod";
import { AppError, type AppErrorCode } from "@/lib/app-error";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem, e.g. /docs/api#problem-not_found"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Machine-readable problem code"),
    errors: z.record(z.string(), z.array(z.string())).optional().describe("Messages per field, for invalid input"),
    reason: z.string().optional().describe("Why a connection cannot be used (409), for showing to the tenant"),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<AppErrorCode, string> = {
  bad_request: "Bad request",
  invalid_input: "Invalid input",
  unauthenticated: "Unauthenticated",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  unavailable: "Service unavailable",
};

export function problemOf(error: AppError): Problem {
  return {
    type: `/docs/api#problem-${error.code}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.details.fieldErrors ? { errors: error.details.fieldErrors } : {}),
    ...(error.details.reason ? { reason: error.details.reason } : {}),
  };
}

export const INTERNAL_PROBLEM: Problem = {
  type: "/docs/api#problem-internal",
  title: "Internal error",
  status: 500,
  detail: "Something went wrong on our side. Please try again.",
  code: "internal",
};

/** The HTTP answer for a problem (RFC 6750: a 401 names the scheme the client should use). */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  const challenge: Record<string, string> = body.status === 401 ? { "WWW-Authenticate": 'Bearer realm="switchboard"' } : {};
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, ...challenge, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
