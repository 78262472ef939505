// The app's configuration, validated once per process and cached. Not marked "server-only" because
// plain Node scripts (seed, worker) read it too; it must still never be imported by client code.
import { EnvValidationError, loadServerEnv, type ServerEnv } from "./load-server-env";

export { EnvValidationError, type ServerEnv };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= loadServerEnv(process.env);
  return cached;
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
