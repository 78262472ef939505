// `npm start` — the production server: one node:http server in front of the built Next.js app.
// POST/OPTIONS /api/subscribe/{tenant} take the direct intake path (server/intake-path.ts); every
// other request is handed to Next unchanged. Stops gracefully on SIGTERM/SIGINT.
// Everything under @switchboard/lib is the same module instance Next's routes load (next.config.ts),
// so the runtime installed here is the one Next's routes and instrumentation find.
import next from "next";
import { assertServerEnvOrExit, defaultToProductionMode, serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { log } from "@switchboard/lib/log";
import { startInProcessWorkers } from "@switchboard/lib/runtime/background-workers";
import { installRuntime } from "@switchboard/lib/runtime/process-runtime";
import { createRuntime } from "@switchboard/lib/runtime/runtime";
import { hostAllowlist } from "@switchboard/lib/security/host-allowlist";
import { appSubscribeContext } from "@switchboard/lib/signups/intake/handle-subscribe";
import { createAppServer } from "./create-app-server";
import { shutDown } from "./shutdown";

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  loadEnvFiles({ production: true });
  defaultToProductionMode();
  assertServerEnvOrExit();
  const runtime = installRuntime(createRuntime(serverEnv()));
  const { env } = runtime;
  const { HOST, PORT, INTAKE_DIRECT_PATH, TRUSTED_PROXY_HOPS } = env;
  const app = next({ dev: false, dir: process.cwd(), hostname: HOST ?? "localhost", port: PORT });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  startInProcessWorkers(runtime);
  const server = createAppServer({
    handleWithNext,
    context: appSubscribeContext(runtime),
    intakeDirectPath: INTAKE_DIRECT_PATH,
    trustedProxyHops: TRUSTED_PROXY_HOPS,
    allowedHosts: hostAllowlist(env),
  });
  server.listen(PORT, HOST, () => {
    process.stdout.write(
      `Switchboard ready on http://${HOST ?? "localhost"}:${PORT} (intake direct path ${INTAKE_DIRECT_PATH ? "on" : "off"})\n`,
    );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    // Ctrl+C in a terminal can bring SIGINT and, from a wrapper script, SIGTERM too.
    if (stopping) return;
    stopping = true;
    log.info("server stopping", { signal });
    const clean = await shutDown({
      server,
      stopSync: () => runtime.workers.stop(),
      closeNext: () => app.close(),
      graceMs: SHUTDOWN_GRACE_MS,
    });
    if (!clean) log.warn("server stopped before everything had finished", { graceMs: SHUTDOWN_GRACE_MS });
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`server failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
