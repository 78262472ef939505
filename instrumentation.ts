// Runs once when Next's server boots. Building the process's runtime here makes a server with a
// missing or malformed secret refuse to start (one line naming the variable) instead of failing on
// the first request; under `npm start` the server built it already and this finds it installed.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnvOrExit } = await import("@switchboard/lib/env/server");
  assertServerEnvOrExit();
  const { processRuntime } = await import("@switchboard/lib/runtime/process-runtime");
  const { startInProcessWorkers } = await import("@switchboard/lib/runtime/background-workers");
  startInProcessWorkers(processRuntime());
}
