// The server configuration contract: every variable, its default and its rules, in one zod schema.
// Pure (reads nothing by itself) so tests can feed it any environment.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseProvider } from "@/lib/db/database-url";
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

export const logLevels = ["debug", "info", "warn", "error"] as const;

/** Everything except the two secrets, whose rules depend on the mode (see load-server-env.ts). */
export const serverEnvSchema = z.object({
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
  HUBSPOT_CLIENT_ID: z.string().trim().min(1).optional(),
  HUBSPOT_CLIENT_SECRET: z.string().trim().min(1).optional(),
  HUBSPOT_SCOPES: z.string().trim().min(1).default("oauth crm.objects.contacts.write"),
  HUBSPOT_OPTIONAL_SCOPES: z.string().trim().default("crm.objects.contacts.read"),
  HUBSPOT_AUTH_BASE_URL: httpUrl("https://app.hubspot.com"),
  HUBSPOT_API_BASE_URL: httpUrl("https://api.hubapi.com"),
  SEED_PASSWORD: z.string().min(8, "must be at least 8 characters").default("switchboard-demo"),
  SYNC_IN_PROCESS: flag(true),
  // Unset: GET /api/metrics answers 404. Set: Prometheus scrapes it with this bearer token.
  METRICS_TOKEN: z.string().trim().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(logLevels).default("info"),
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
