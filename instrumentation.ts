// Runs once when the server boots. Validating the configuration here makes a production server with
// a missing or malformed secret refuse to start (one line naming the variable) instead of failing
// on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnvOrExit, serverEnv } = await import("@switchboard/lib/env/server");
  assertServerEnvOrExit();
  // `npm run dev` without SMTP_URL keeps mail locally; its page opens only with this link's token
  // (the demo prints it in its welcome text instead).
  const { usesLocalMailbox } = await import("@switchboard/lib/mail/mailer");
  if (serverEnv().NODE_ENV === "development" && usesLocalMailbox()) {
    const { mailboxLink } = await import("@switchboard/lib/mail/mailbox-token");
    process.stdout.write(`Local mailbox (no SMTP_URL): ${mailboxLink(serverEnv().APP_URL, serverEnv().AUTH_SECRET)}\n`);
  }
  // The signup sync runs inside the server unless SYNC_IN_PROCESS=false (then: npm run worker).
  const { startSignupSync } = await import("@switchboard/lib/signups/start-signup-sync");
  startSignupSync();
}
