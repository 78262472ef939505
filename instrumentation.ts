// Runs once when Next's server boots. Building the process's runtime here makes a server with a
// missing or malformed secret refuse to start (one line naming the variable) instead of failing on
// the first request; under `npm start` the server built it already and this finds it installed.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnvOrExit } = await import("@switchboard/lib/env/server");
  assertServerEnvOrExit();
  const { processRuntime } = await import("@switchboard/lib/runtime/process-runtime");
  const runtime = processRuntime();
  // `npm run dev` without SMTP_URL keeps mail locally; its page opens only with this link's token
  // (the demo prints it in its welcome text instead).
  const { usesLocalMailbox } = await import("@switchboard/lib/mail/mailer");
  if (runtime.env.NODE_ENV === "development" && usesLocalMailbox(runtime.env)) {
    const { mailboxLink } = await import("@switchboard/lib/mail/mailbox-token");
    process.stdout.write(`Local mailbox (no SMTP_URL): ${mailboxLink(runtime.env.APP_URL, runtime.env.AUTH_SECRET)}\n`);
  }
  const { startInProcessWorkers } = await import("@switchboard/lib/runtime/background-workers");
  startInProcessWorkers(runtime);
}
