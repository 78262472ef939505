// Turns a raw environment into the validated server configuration. In production both secrets must
// be supplied; elsewhere (and in the demo) missing ones come from the persisted development secrets.
import type { z } from "zod";
import { DEFAULT_SECRETS_FILE, loadOrCreateDevSecrets } from "./dev-secrets";
import { authSecretSchema, serverEnvSchema, tokenEncryptionKeysSchema } from "./server-schema";

export type ServerEnv = z.infer<typeof serverEnvSchema> & {
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEYS: string;
  /** True when a secret came from `.data/secrets.json` rather than the environment. */
  usesGeneratedSecrets: boolean;
};

/** A configuration problem, described in one line that names the variable (never its value). */
export class EnvValidationError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = "EnvValidationError";
  }
}

export type LoadServerEnvOptions = { secretsFile?: string };

export function loadServerEnv(source: Record<string, string | undefined>, options: LoadServerEnvOptions = {}): ServerEnv {
  const raw = withoutBlankValues(source);
  const parsed = serverEnvSchema.safeParse(raw);
  if (!parsed.success) throw toEnvError(parsed.error);
  const base = parsed.data;

  const mustBeSupplied = base.NODE_ENV === "production" && !base.DEMO_MODE;
  let authSecret = raw.AUTH_SECRET;
  let tokenKeys = raw.TOKEN_ENCRYPTION_KEYS;
  let usesGeneratedSecrets = false;
  if (mustBeSupplied) {
    if (!authSecret) throw new EnvValidationError("AUTH_SECRET", "is missing (required in production; e.g. openssl rand -base64 32)");
    if (!tokenKeys)
      throw new EnvValidationError("TOKEN_ENCRYPTION_KEYS", "is missing (required in production; format k1:<base64 of 32 random bytes>)");
  } else if (!authSecret || !tokenKeys) {
    const generated = loadOrCreateDevSecrets(options.secretsFile ?? DEFAULT_SECRETS_FILE);
    authSecret ??= generated.AUTH_SECRET;
    tokenKeys ??= generated.TOKEN_ENCRYPTION_KEYS;
    usesGeneratedSecrets = true;
  }

  const secret = authSecretSchema.safeParse(authSecret);
  if (!secret.success) throw new EnvValidationError("AUTH_SECRET", firstMessage(secret.error));
  const keys = tokenEncryptionKeysSchema.safeParse(tokenKeys);
  if (!keys.success) throw new EnvValidationError("TOKEN_ENCRYPTION_KEYS", firstMessage(keys.error));

  return {
    ...base,
    // next start needs a trusted host; the local demo has no reverse proxy to vouch for it.
    AUTH_TRUST_HOST: base.AUTH_TRUST_HOST || !mustBeSupplied,
    AUTH_SECRET: secret.data,
    TOKEN_ENCRYPTION_KEYS: keys.data,
    usesGeneratedSecrets,
  };
}

// `.env` files often carry `NAME=` lines; an empty value means "not set", not "set to nothing".
function withoutBlankValues(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
}

function toEnvError(error: z.ZodError): EnvValidationError {
  const issue = error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  return new EnvValidationError(variable, issue?.message ?? "is invalid");
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "is invalid";
}
