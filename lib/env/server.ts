// The app's configuration, validated once per process and cached. Not marked "server-only" because
// plain Node scripts (seed, worker) read it too; it must still never be imported by client code.
import { EnvValidationError, loadServerEnv, type ServerEnv } from "./load-server-env";

export { EnvValidationError, type ServerEnv };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= loadServerEnv(process.env);
  return cached;
}

/** LOG_LEVEL read leniently, for the logger: logging must work even when the rest of the
 * configuration is broken (that is when its one line is needed). */
export function configuredLogLevel(): string | undefined {
  return process.env.LOG_LEVEL?.toLowerCase();
}

/** Like `next start`, the production server runs as production unless told otherwise. */
export function defaultToProductionMode(): void {
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
}

/**
 * Startup check: validates the configuration and, if it is unusable, prints ONE line naming the
 * variable and exits, so a misconfigured server refuses to start instead of failing per request.
 */
export function assertServerEnvOrExit(): void {
  try {
    serverEnv();
  } catch (error) {
    const message = error instanceof EnvValidationError ? error.message : `Invalid configuration: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
