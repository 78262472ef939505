// zod shapes of what HubSpot's batch upsert answers, as the SDK hands them to us (it renames
// `new` to `_new`). Results are matched to signups by email; errors by `context.ids`.
import { z } from "zod";

export const upsertResponseSchema = z.object({
  results: z.array(z.object({ id: z.string().min(1), properties: z.record(z.string(), z.string().nullable().optional()).optional() })),
  errors: z
    .array(
      z.object({
        category: z.string().optional(),
        message: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .optional(),
});

export const sdkFailureSchema = z.object({
  code: z.number(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.object({ category: z.string().optional(), message: z.string().optional() }).passthrough().nullish(),
});
export type SdkFailure = z.infer<typeof sdkFailureSchema>;

/** HubSpot's "Property values were not valid: [{…"message":"Email address x is invalid"…}]" → the inner message. */
export function readableReason(message: string | undefined, category: string | undefined): string {
  const inner = message?.match(/"message":"((?:[^"\\]|\\.)*)"/)?.[1];
  const text = (inner ?? message ?? "HubSpot rejected this contact").replace(/\\"/g, '"');
  return `${category ?? "ERROR"}: ${text}`.slice(0, 500);
}
