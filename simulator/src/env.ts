import { readFileSync } from "node:fs";
import { z } from "zod";
import { portalListSchema } from "./portals";
import { RATE_LIMIT_PROFILES, rateLimitProfileSchema, type SimulatorOptions } from "./config";

// Reads the CLI's HUBSPOT_SIM_* variables; anything malformed stops the CLI with a message naming it.

const integer = (min: number) => z.coerce.number().int().min(min);
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

function parseJson(value: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
}

function readJsonFile(path: string, ctx: z.RefinementCtx): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})` });
    return z.NEVER;
  }
  return parseJson(text, ctx);
}

/**
 * `off`, `110` (per 10 s), `110/10000` (max per interval in ms), `100/10000/250000` (plus a daily
 * limit), or a profile name from RATE_LIMIT_PROFILES (`marketplace`, `private-starter`, …).
 */
function rateLimitFrom(defaultIntervalMs: number) {
  return z
    .string()
    .trim()
    .regex(/^(off|\d+(\/\d+){0,2}|[a-z-]+)$/i, "expected off, <max>, <max>/<intervalMs>[/<daily>] or a profile name")
    .transform((value, ctx) => {
      if (value.toLowerCase() === "off") return null;
      if (!/^\d/.test(value)) {
        const profile = rateLimitProfileSchema.safeParse(value.toLowerCase());
        if (profile.success) return { ...RATE_LIMIT_PROFILES[profile.data] };
        ctx.addIssue({ code: "custom", message: `unknown profile (one of ${rateLimitProfileSchema.options.join(", ")})` });
        return z.NEVER;
      }
      const [max, interval, daily] = value.split("/");
      return {
        max: Number(max),
        intervalMs: interval === undefined ? defaultIntervalMs : Number(interval),
        ...(daily === undefined ? {} : { daily: Number(daily) }),
      };
    })
    .refine((limit) => limit === null || (limit.max > 0 && limit.intervalMs > 0 && (limit.daily ?? 1) > 0), "must be positive");
}

const envSchema = z.object({
  HUBSPOT_SIM_HOST: z.string().min(1).default("127.0.0.1"),
  HUBSPOT_SIM_PORT: integer(0).max(65_535).default(4010),
  HUBSPOT_SIM_CLIENT_ID: z.string().min(1).optional(),
  HUBSPOT_SIM_CLIENT_SECRET: z.string().min(1).optional(),
  HUBSPOT_SIM_REDIRECT_URIS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((uri) => uri.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()).min(1))
    .optional(),
  HUBSPOT_SIM_ACCESS_TOKEN_TTL_SECONDS: integer(1).optional(),
  HUBSPOT_SIM_CODE_TTL_SECONDS: integer(1).optional(),
  HUBSPOT_SIM_ROTATE_REFRESH_TOKENS: booleanFlag.optional(),
  HUBSPOT_SIM_RATE_LIMIT: rateLimitFrom(10_000).optional(),
  HUBSPOT_SIM_SEARCH_RATE_LIMIT: rateLimitFrom(1_000).optional(),
  HUBSPOT_SIM_SEARCH_LAG_MS: integer(0).optional(),
  HUBSPOT_SIM_LATENCY_MS: integer(0).optional(),
  HUBSPOT_SIM_WEBHOOK_URL: z.url().optional(),
  HUBSPOT_SIM_WEBHOOK_MAX_ATTEMPTS: integer(1).max(10).optional(),
  HUBSPOT_SIM_CREATE_PORTALS_ON_DEMAND: booleanFlag.optional(),
  HUBSPOT_SIM_APP_REQUIRED_SCOPES: z
    .string()
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .optional(),
  // A JSON array of portals (objects with at least `id`, or bare ids). Small lists fit in the
  // variable; thousands go in a file (one variable that large fails the spawn with E2BIG).
  HUBSPOT_SIM_PORTALS: z.string().transform(parseJson).pipe(portalListSchema).optional(),
  HUBSPOT_SIM_PORTALS_FILE: z.string().min(1).transform(readJsonFile).pipe(portalListSchema).optional(),
});

export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): SimulatorOptions {
  // Empty strings mean "unset", as with most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new Error(`Invalid ${name}: ${issue?.message ?? "invalid value"}`);
  }
  const e = result.data;
  if (e.HUBSPOT_SIM_PORTALS && e.HUBSPOT_SIM_PORTALS_FILE) {
    throw new Error("Invalid HUBSPOT_SIM_PORTALS_FILE: set HUBSPOT_SIM_PORTALS or HUBSPOT_SIM_PORTALS_FILE, not both");
  }
  return {
    host: e.HUBSPOT_SIM_HOST,
    port: e.HUBSPOT_SIM_PORT,
    clientId: e.HUBSPOT_SIM_CLIENT_ID,
    clientSecret: e.HUBSPOT_SIM_CLIENT_SECRET,
    redirectUris: e.HUBSPOT_SIM_REDIRECT_URIS,
    accessTokenTtlSeconds: e.HUBSPOT_SIM_ACCESS_TOKEN_TTL_SECONDS,
    codeTtlSeconds: e.HUBSPOT_SIM_CODE_TTL_SECONDS,
    rotateRefreshTokens: e.HUBSPOT_SIM_ROTATE_REFRESH_TOKENS,
    rateLimit: e.HUBSPOT_SIM_RATE_LIMIT,
    searchRateLimit: e.HUBSPOT_SIM_SEARCH_RATE_LIMIT,
    searchLagMs: e.HUBSPOT_SIM_SEARCH_LAG_MS,
    latencyMs: e.HUBSPOT_SIM_LATENCY_MS,
    portals: e.HUBSPOT_SIM_PORTALS ?? e.HUBSPOT_SIM_PORTALS_FILE,
    createPortalsOnDemand: e.HUBSPOT_SIM_CREATE_PORTALS_ON_DEMAND,
    appRequiredScopes: e.HUBSPOT_SIM_APP_REQUIRED_SCOPES,
    webhookTargetUrl: e.HUBSPOT_SIM_WEBHOOK_URL,
    webhookMaxAttempts: e.HUBSPOT_SIM_WEBHOOK_MAX_ATTEMPTS,
  };
}
