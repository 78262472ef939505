// The server configuration contract: every variable, its default and its rules, in one zod schema.
// Pure (reads nothing by itself) so tests can feed it any environment.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseProvider } from "@/lib/db/database-url";
import { hostnameOfHostHeader } from "@/lib/security/host-allowlist";
import { AUTH_SECRET_MIN_LENGTH, parseTokenEncryptionKeys } from "./secret-formats";

const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" }))
    .transform((value) => value === "true" || value === "1" || value === "yes")
    .optional()
    .transform((value) => value ?? fallback);

const httpUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ""));

const positiveInt = (fallback: number) => z.coerce.number({ message: "must be a whole number" }).int().positive().default(fallback);

export const logLevels = ["debug", "info", "warn", "error"] as const;

/** Everything except the two secrets, whose rules depend on the mode (see load-server-env.ts). */
export const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // The seeded demo runs a production build but should still start without hand-made secrets.
    DEMO_MODE: flag(false),
    DATABASE_URL: z
      .string()
      .trim()
      .default(DEFAULT_DATABASE_URL)
      .superRefine((url, context) => {
        try {
          databaseProvider(url);
        } catch {
          context.addIssue({ code: "custom", message: "must start with file: (SQLite) or postgres:// (PostgreSQL)" });
        }
      }),
    APP_URL: httpUrl("http://localhost:3000"),
    AUTH_TRUST_HOST: flag(false),
    // Absolute lifetime of a sign-in: activity does not extend it; after it, sign in again.
    SESSION_MAX_AGE_HOURS: z.coerce
      .number({ message: "must be a number of hours" })
      .positive("must be more than 0")
      .max(24 * 30, "must be at most 720 (30 days)")
      .default(8),
    HUBSPOT_CLIENT_ID: z.string().trim().min(1).optional(),
    HUBSPOT_CLIENT_SECRET: z.string().trim().min(1).optional(),
    // Webhook subscriptions on contacts (privacy deletion, merge) make the contacts read scope required.
    HUBSPOT_SCOPES: z.string().trim().min(1).default("oauth crm.objects.contacts.write crm.objects.contacts.read"),
    // Subscription statuses (definitions, read, write; the batch read needs Marketing Hub Enterprise) and lists.
    HUBSPOT_OPTIONAL_SCOPES: z
      .string()
      .trim()
      .default("communication_preferences.read_write communication_preferences.statuses.batch.read crm.lists.read crm.lists.write"),
    HUBSPOT_AUTH_BASE_URL: httpUrl("https://app.hubspot.com"),
    HUBSPOT_API_BASE_URL: httpUrl("https://api.hubapi.com"),
    SEED_PASSWORD: z.string().min(8, "must be at least 8 characters").default("switchboard-demo"),
    HUBSPOT_REQUEST_TIMEOUT_MS: positiveInt(10_000),
    SYNC_IN_PROCESS: flag(true),
    // A signup that keeps failing transiently (HubSpot down, 429, 423, timeouts) is retried with
    // backoff for this long, then marked Failed (retryable from the dashboard). Waiting for a usable
    // connection never counts.
    SYNC_GIVE_UP_AFTER_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(72),
    // Unset: GET /metrics answers 404. Set: Prometheus scrapes it with this bearer token.
    METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(logLevels).default("info"),

    // Outgoing mail (invitations, password resets). smtp://user:pass@host:587 or smtps://…:465. Unset in
    // development and the demo: mail is kept in MAILBOX_DIR and shown at /dev/mailbox instead.
    SMTP_URL: z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().trim().min(3).default("Switchboard <no-reply@switchboard.localhost>"),
    MAILBOX_DIR: z.string().trim().min(1).default(".data/mailbox"),

    // People. AUTH_PASSWORD=off hides the password form and refuses password sign-in (single sign-on only).
    AUTH_PASSWORD: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
    // Single sign-on with the host's OpenID Connect provider; all three or none.
    OIDC_ISSUER: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
    // Button label on /login.
    OIDC_NAME: z.string().trim().min(1).max(60).default("single sign-on"),
    // Optional claim listing tenant roles, e.g. ["acme:ADMIN"]: grants those memberships at sign-in.
    OIDC_ROLES_CLAIM: z.string().trim().min(1).max(100).optional(),

    // The production server (server/main.ts).
    PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65_535).default(3000),
    // Unset: every interface, like `next start`.
    HOST: z.string().trim().min(1).optional(),
    // Host names the app answers besides APP_URL's (comma-separated; loopback names are added outside
    // production): e.g. the address a load balancer's health check uses. Any other Host gets 421.
    ALLOWED_HOSTS: z
      .string()
      .trim()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
      )
      .refine(
        (names) => names.every((name) => hostnameOfHostHeader(name) !== null),
        "must be comma-separated host names, e.g. switchboard.internal,10.0.0.5",
      ),
    // Reverse proxies in front of the server that append to X-Forwarded-For (server/client-address.ts).
    // 0 (default) trusts only the socket: whatever a client writes in X-Forwarded-For changes nothing.
    // A count higher than the proxies really in front lets clients choose their own address.
    TRUSTED_PROXY_HOPS: z.coerce.number({ message: "must be a whole number" }).int().min(0).max(10).default(0),
    // Answer POST /api/subscribe/* before Next's router (server/intake-path.ts); false sends it through
    // Next like every other path: slower, identical answers. For comparison and debugging.
    INTAKE_DIRECT_PATH: flag(true),

    // Signup intake: per client address and tenant; generous enough for a household behind one NAT,
    // tight enough for scripts.
    SIGNUP_RATE_LIMIT_POINTS: positiveInt(20),
    SIGNUP_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
    // Key of the signups' unsubscribe links (an HMAC per signup; lib/signups/consent/unsubscribe-link.ts).
    // Unset: derived from AUTH_SECRET. Set it to rotate AUTH_SECRET without breaking the unsubscribe
    // links in newsletters already sent; changing it breaks them.
    UNSUBSCRIBE_LINK_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
    // Signup sync. Each portal's pace follows HubSpot's X-HubSpot-RateLimit-* headers; this only caps
    // it (unset: no cap).
    SYNC_PORTAL_REQUESTS_PER_10S: z.coerce.number({ message: "must be a whole number" }).int().positive().optional(),
    SYNC_BATCH_SIZE: z.coerce.number({ message: "must be a whole number" }).int().min(1).max(100).default(100),
    SYNC_LEASE_SECONDS: positiveInt(60),
    SYNC_IDLE_POLL_MS: positiveInt(500),
    SYNC_REQUEST_TIMEOUT_MS: positiveInt(15_000),

    // Connection health: a failing connection is reported Degraded (webhook connection.degraded) only once
    // its failures persist: this many failed operations in a row, or failures for this many minutes.
    CONNECTION_DEGRADED_AFTER_FAILURES: positiveInt(3),
    CONNECTION_DEGRADED_AFTER_MINUTES: positiveInt(10),

    // The host's API (/api/v1): requests per API key per window, shared by every app instance on PostgreSQL.
    API_RATE_LIMIT_POINTS: positiveInt(1200),
    API_RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
    // Webhooks out. Endpoints on loopback/private addresses (and plain http in production) are refused
    // unless this is true: for receivers on the same host or network as Switchboard.
    WEBHOOK_ALLOW_PRIVATE_URLS: flag(false),
    WEBHOOK_REQUEST_TIMEOUT_MS: positiveInt(10_000),
    // Delivery workers run beside the signup sync (in-process with SYNC_IN_PROCESS, or `npm run worker`).
    WEBHOOK_IDLE_POLL_MS: positiveInt(500),
  })
  .superRefine((env, context) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).find((name) => !env[name]);
      context.addIssue({
        code: "custom",
        path: [missing ?? "OIDC_ISSUER"],
        message: "is required when single sign-on is configured (set all three OIDC_* or none)",
      });
    }
    if (env.AUTH_PASSWORD === "off" && oidc !== 3) {
      context.addIssue({ code: "custom", path: ["AUTH_PASSWORD"], message: "can only be off when single sign-on (OIDC_*) is configured" });
    }
  });

export const authSecretSchema = z
  .string()
  .min(AUTH_SECRET_MIN_LENGTH, `must be at least ${AUTH_SECRET_MIN_LENGTH} characters (e.g. openssl rand -base64 32)`);

export const tokenEncryptionKeysSchema = z.string().superRefine((raw, context) => {
  try {
    parseTokenEncryptionKeys(raw);
  } catch (error) {
    context.addIssue({ code: "custom", message: `must be keyId:base64(32 bytes)[,…]: ${(error as Error).message}` });
  }
});
