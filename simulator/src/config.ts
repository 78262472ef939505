import { z } from "zod";

// Scopes the simulator knows about; a requested scope outside this list makes the
// authorize request invalid, as HubSpot refuses apps asking for unknown scopes.
export const KNOWN_SCOPES = [
  "oauth",
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
  "crm.schemas.contacts.read",
  "communication_preferences.read",
  "communication_preferences.write",
  "forms",
] as const;

export const portalSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  hubDomain: z.string().min(1),
  userEmail: z.email(),
  userId: z.number().int().positive(),
  scopes: z.array(z.string().min(1)),
});
export type Portal = z.infer<typeof portalSchema>;

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
}

const allScopes = [...KNOWN_SCOPES];

export const DEFAULT_PORTALS: Portal[] = [
  {
    id: 62515,
    name: "Demo Company (all scopes)",
    hubDomain: "demo-62515.hubspot.test",
    userEmail: "admin@demo-62515.hubspot.test",
    userId: 1001,
    scopes: allScopes,
  },
  {
    id: 70001,
    name: "Read-restricted Company (no contacts read)",
    hubDomain: "noread-70001.hubspot.test",
    userEmail: "admin@noread-70001.hubspot.test",
    userId: 1002,
    scopes: allScopes.filter((scope) => scope !== "crm.objects.contacts.read"),
  },
  {
    id: 80002,
    name: "Write-restricted Company (no contacts write)",
    hubDomain: "nowrite-80002.hubspot.test",
    userEmail: "admin@nowrite-80002.hubspot.test",
    userId: 1003,
    scopes: allScopes.filter((scope) => scope !== "crm.objects.contacts.write"),
  },
];

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
    portals: z.array(portalSchema).min(1),
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
