// `npm start` — the production server: one node:http server in front of the built Next.js app.
// POST/OPTIONS /api/subscribe/{tenant} take the direct intake path (server/intake-path.ts); every
// other request is handed to Next unchanged. Stops gracefully on SIGTERM/SIGINT.
import next from "next";
import { assertServerEnvOrExit } from "@/lib/env/server";
import { log } from "@/lib/log";
import { appSubscribeContext } from "@/lib/signups/intake/subscribe-context";
import { stopSignupSync } from "@/lib/signups/start-signup-sync";
import { createAppServer } from "./create-app-server";
import { loadServerConfig, type ServerConfig } from "./server-config";
import { shutDown } from "./shutdown";

// Like `next start`: a production server unless told otherwise.
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
const SHUTDOWN_GRACE_MS = 10_000;

async function main(config: ServerConfig): Promise<void> {
  assertServerEnvOrExit();
  const app = next({ dev: false, dir: process.cwd(), hostname: config.HOST ?? "localhost", port: config.PORT });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  const server = createAppServer({
    handleWithNext,
    context: appSubscribeContext(),
    intakeDirectPath: config.INTAKE_DIRECT_PATH,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
  });
  server.listen(config.PORT, config.HOST, () => {
    process.stdout.write(`Switchboard ready on http://${config.HOST ?? "localhost"}:${config.PORT} (intake direct path ${config.INTAKE_DIRECT_PATH ? "on" : "off"})\n`);
  });

  // The sync Next's instrumentation started lives on globalThis, shared with this module graph.
  let stopping = false;
  const stop = async (signal: string) => {
    // Ctrl+C in a terminal can bring SIGINT and, from a wrapper script, SIGTERM too.
    if (stopping) return;
    stopping = true;
    log.info("server stopping", { signal });
    const clean = await shutDown({ server, stopSync: stopSignupSync, closeNext: () => app.close(), graceMs: SHUTDOWN_GRACE_MS });
    if (!clean) log.warn("server stopped before everything had finished", { graceMs: SHUTDOWN_GRACE_MS });
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

let config: ServerConfig;
try {
  config = loadServerConfig(process.env);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
main(config).catch((error: unknown) => {
  process.stderr.write(`server failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
