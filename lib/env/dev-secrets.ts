// Development and demo convenience: secrets nobody configured are generated once and kept in
// `.data/secrets.json`, so sessions and encrypted tokens survive restarts. Never used in production.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { generateAuthSecret, generateTokenEncryptionKeys } from "./secret-formats";

export const DEFAULT_SECRETS_FILE = ".data/secrets.json";

const storedSecretsSchema = z.object({
  AUTH_SECRET: z.string().min(1),
  TOKEN_ENCRYPTION_KEYS: z.string().min(1),
});

export type GeneratedSecrets = z.infer<typeof storedSecretsSchema>;

/**
 * Returns the persisted secrets, creating the file on first use. The exclusive-create write means
 * that when the app and a worker start at the same moment, both end up with the same secrets.
 */
export function loadOrCreateDevSecrets(file: string = DEFAULT_SECRETS_FILE): GeneratedSecrets {
  // Resolved at run time against the working directory; the bundler must not trace it.
  const path = resolve(/*turbopackIgnore: true*/ file);
  const existing = readSecrets(path);
  if (existing) return existing;

  const fresh: GeneratedSecrets = {
    AUTH_SECRET: generateAuthSecret(),
    TOKEN_ENCRYPTION_KEYS: generateTokenEncryptionKeys(),
  };
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${JSON.stringify(fresh, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const winner = readSecrets(path);
    if (!winner) throw new Error(`${file} exists but is not valid; delete it to regenerate`);
    return winner;
  }
}

function readSecrets(path: string): GeneratedSecrets | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = storedSecretsSchema.safeParse(safeJson(text));
  if (!parsed.success) throw new Error(`${path} is not valid; delete it to regenerate the development secrets`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EEXIST";
}
