// /dev/mailbox — the mail Switchboard "sent" while no SMTP_URL is configured, in development and
// the demo only (everywhere else this page does not exist), and only with the token the demo prints
// (lib/mail/mailbox-token.ts): without it the page does not exist either. Newest first; links are
// clickable so an invitation or reset can be followed end to end on one machine.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listMailbox } from "@switchboard/lib/mail/local-mailbox";
import { isMailboxToken } from "@switchboard/lib/mail/mailbox-token";
import { usesLocalMailbox } from "@switchboard/lib/mail/mailer";
import { processRuntime } from "@switchboard/lib/runtime/process-runtime";

export const metadata: Metadata = { title: "Mailbox (development)", robots: { index: false }, referrer: "no-referrer" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Rendered per request like every page (app/layout.tsx), never at build time.
  const { env } = processRuntime();
  if (!usesLocalMailbox(env)) notFound();
  if (!isMailboxToken((await searchParams).token, env.AUTH_SECRET)) notFound();
  const messages = await listMailbox(env.MAILBOX_DIR);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">Mailbox</h1>
        <p className="text-slate-700">
          Mail kept locally because SMTP_URL is not set (development and demo only). Set SMTP_URL to send real mail.
        </p>
      </header>
      {messages.length === 0 ? (
        <p className="text-slate-700">No mail yet.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} data-testid="mailbox-message" className="rounded-lg border border-slate-200 bg-white p-4">
              <article aria-labelledby={`subject-${message.id}`} className="space-y-2">
                <h2 id={`subject-${message.id}`} className="font-semibold text-slate-900">
                  {message.subject}
                </h2>
                <p className="text-sm text-slate-700">
                  To {message.to}
                  {message.date ? (
                    <>
                      {" "}
                      · <time dateTime={message.date.toISOString()}>{message.date.toUTCString()}</time>
                    </>
                  ) : null}
                </p>
                <p className="whitespace-pre-wrap break-words text-sm text-slate-900">
                  {message.text.split(/(https?:\/\/\S+)/).map((piece, index) =>
                    index % 2 === 1 ? (
                      <a key={index} href={piece} className="text-indigo-800 underline">
                        {piece}
                      </a>
                    ) : (
                      piece
                    ),
                  )}
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
