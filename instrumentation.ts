// Runs once when the server boots. Validating the configuration here makes a production server with
// a missing or malformed secret refuse to start (one line naming the variable) instead of failing
// on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnvOrExit } = await import("@switchboard/lib/env/server");
  assertServerEnvOrExit();
  // The signup sync runs inside the server unless SYNC_IN_PROCESS=false (then: npm run worker).
  const { startSignupSync } = await import("@switchboard/lib/signups/start-signup-sync");
  startSignupSync();
}
