// Why a connect link cannot be used, in words for someone who never heard of Switchboard.
import type { SessionProblem } from "@switchboard/lib/integrations/connect-sessions/use-connect-session";

const problems: Record<SessionProblem, { title: string; text: string }> = {
  unknown: { title: "This connection link is not valid", text: "Check that you copied the whole link, or ask for a new one." },
  expired: { title: "This connection link has expired", text: "Connection links last 30 minutes. Ask for a new one." },
  used: { title: "This connection link was already used", text: "Each link works once. If connecting did not finish, ask for a new one." },
};

export function SessionProblemNotice({ problem }: { problem: SessionProblem }) {
  const { title, text } = problems[problem];
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-slate-800" data-testid="connect-problem" data-problem={problem}>
        {text} Nothing was changed.
      </p>
    </main>
  );
}
