import { z } from "zod";
import { DEFAULT_PORTALS, portalListSchema, type Portal } from "./portals";
import {
  communicationPreferencesScopesSchema,
  DEFAULT_COMMUNICATION_PREFERENCES_SCOPES,
  type CommunicationPreferencesScopes,
} from "./scopes";

export { KNOWN_SCOPES } from "./scopes";
export { portalSchema, DEFAULT_PORTALS, type Portal } from "./portals";

export const rateLimitSchema = z.object({
  max: z.number().int().positive(),
  intervalMs: z.number().int().positive(),
  /** Requests per account per day (privately distributed apps); absent = no daily limit or headers. */
  daily: z.number().int().positive().optional(),
});
/** null = limiting switched off. */
export type RateLimit = z.infer<typeof rateLimitSchema> | null;

/**
 * HubSpot's documented limits by app distribution (HUBSPOT-2026-03.md §3): marketplace OAuth apps
 * 110 / 10 s with no daily limit; privately distributed apps 100 (Free/Starter) or 190
 * (Professional/Enterprise) per 10 s plus a daily allowance per account.
 */
export const RATE_LIMIT_PROFILES = {
  marketplace: { max: 110, intervalMs: 10_000 },
  "private-starter": { max: 100, intervalMs: 10_000, daily: 250_000 },
  "private-professional": { max: 190, intervalMs: 10_000, daily: 625_000 },
} as const satisfies Record<string, NonNullable<RateLimit>>;
export type RateLimitProfile = keyof typeof RATE_LIMIT_PROFILES;
export const rateLimitProfileSchema = z.enum(Object.keys(RATE_LIMIT_PROFILES) as [RateLimitProfile, ...RateLimitProfile[]]);

/**
 * What a batch upsert by email answers when an input is invalid. HubSpot documents no partial
 * upserts by email, so the default fails the whole batch (400); "multi-status" answers 207 with
 * per-input errors instead, the other shape a client must survive.
 */
export const upsertFailureModeSchema = z.enum(["whole-batch", "multi-status"]);
export type UpsertFailureMode = z.infer<typeof upsertFailureModeSchema>;

export interface SimulatorConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  appId: number;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  rotateRefreshTokens: boolean;
  rateLimit: RateLimit;
  searchRateLimit: RateLimit;
  upsertFailureMode: UpsertFailureMode;
  searchLagMs: number;
  latencyMs: number;
  portals: Portal[];
  /** Any portal id named in the consent form, a pinned authorize URL or the control API is created when unknown. */
  createPortalsOnDemand: boolean;
  /** The app's requiredScopes (app-hsmeta.json): an install URL whose `scope` lacks one is refused. */
  appRequiredScopes: string[];
  communicationPreferencesScopes: CommunicationPreferencesScopes;
  /** Where app webhooks go (POST, signed v3 with the client secret); null = none configured. */
  webhookTargetUrl: string | null;
  /** Attempts per webhook batch (first try included) on non-2xx answers and timeouts. */
  webhookMaxAttempts: number;
  webhookRetryDelayMs: number;
  webhookTimeoutMs: number;
}

export const DEFAULT_CONFIG: SimulatorConfig = {
  clientId: "switchboard-local",
  clientSecret: "switchboard-local-secret",
  redirectUris: ["http://localhost:3000/api/integrations/hubspot/callback"],
  appId: 456789,
  accessTokenTtlSeconds: 1800,
  codeTtlSeconds: 30,
  rotateRefreshTokens: false,
  rateLimit: { ...RATE_LIMIT_PROFILES.marketplace },
  searchRateLimit: { max: 5, intervalMs: 1_000 },
  upsertFailureMode: "whole-batch",
  searchLagMs: 0,
  latencyMs: 0,
  portals: DEFAULT_PORTALS,
  createPortalsOnDemand: false,
  appRequiredScopes: [],
  communicationPreferencesScopes: DEFAULT_COMMUNICATION_PREFERENCES_SCOPES,
  webhookTargetUrl: null,
  webhookMaxAttempts: 4,
  webhookRetryDelayMs: 100,
  webhookTimeoutMs: 5_000,
};

/** The runtime-tunable subset, accepted by `PATCH /_sim/config` (strict: unknown keys are a 400). */
export const configPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    accessTokenTtlSeconds: z.number().int().min(1),
    codeTtlSeconds: z.number().int().min(1),
    rotateRefreshTokens: z.boolean(),
    // A profile name stands for HubSpot's documented numbers (RATE_LIMIT_PROFILES).
    rateLimit: z.union([rateLimitSchema, rateLimitProfileSchema.transform((name) => ({ ...RATE_LIMIT_PROFILES[name] }))]).nullable(),
    searchRateLimit: rateLimitSchema.nullable(),
    upsertFailureMode: upsertFailureModeSchema,
    searchLagMs: z.number().int().min(0),
    redirectUris: z.array(z.url()).min(1),
    createPortalsOnDemand: z.boolean(),
    appRequiredScopes: z.array(z.string().min(1)),
    communicationPreferencesScopes: communicationPreferencesScopesSchema,
    webhookTargetUrl: z.url().nullable(),
    webhookMaxAttempts: z.number().int().min(1).max(10),
    webhookRetryDelayMs: z.number().int().min(0).max(60_000),
    webhookTimeoutMs: z.number().int().min(1).max(60_000),
  })
  .partial()
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** Options for `startSimulator`: any config field plus where to listen. */
export const simulatorOptionsSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65_535),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    appId: z.number().int().positive(),
    portals: portalListSchema,
  })
  .partial()
  .extend(configPatchSchema.shape)
  .strict();
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema>;

export function resolveConfig(options: SimulatorOptions = {}): SimulatorConfig & { host: string; port: number } {
  const parsed = simulatorOptionsSchema.parse(options);
  // zod keeps absent optional keys as undefined; drop them so they don't shadow defaults.
  const defined = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as Partial<
    SimulatorConfig & { host: string; port: number }
  >;
  return { ...DEFAULT_CONFIG, host: "127.0.0.1", port: 0, ...defined };
}
