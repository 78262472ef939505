// Tunables for signup intake and sync, read once from the environment with zod so a typo
// stops the process with a clear message instead of silently using NaN.
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const signupConfigSchema = z.object({
  // Per IP and tenant; generous enough for a household behind one NAT, tight enough for scripts.
  SIGNUP_RATE_LIMIT_POINTS: positiveInt(20),
  SIGNUP_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  // Each portal's pace follows HubSpot's X-HubSpot-RateLimit-* headers; this only caps it (unset: no cap).
  SYNC_PORTAL_REQUESTS_PER_10S: z.coerce.number().int().positive().optional(),
  SYNC_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  SYNC_LEASE_SECONDS: positiveInt(60),
  SYNC_IDLE_POLL_MS: positiveInt(500),
  SYNC_REQUEST_TIMEOUT_MS: positiveInt(15_000),
});

export type SignupConfig = z.infer<typeof signupConfigSchema>;

let cached: SignupConfig | undefined;

export function signupConfig(): SignupConfig {
  if (cached) return cached;
  const parsed = signupConfigSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid signup setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}
