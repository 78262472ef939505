// A real SMTP server that keeps what it receives, for tests and the e2e run: mail goes out through
// nodemailer exactly as in production and is read back from here. Listens on loopback only and
// accepts any sender, without authentication or TLS (it never leaves this machine).
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { writeToMailbox } from "@switchboard/lib/mail/local-mailbox";
import { readMimeMessage, type ReceivedMail } from "@switchboard/lib/mail/read-mime";

export type SmtpCatcher = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** The newest message to this address, waiting up to `timeoutMs` for it to arrive. */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

export async function startSmtpCatcher(options: { port?: number; mailboxDir?: string } = {}): Promise<SmtpCatcher> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        messages.push(readMimeMessage(raw.toString("utf8")));
        const stored = options.mailboxDir ? writeToMailbox(options.mailboxDir, raw) : Promise.resolve("");
        stored.then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMail(to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase())).at(-1);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's text that starts with `prefix` (e.g. "http://…/invite/"). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}\\S+`).exec(mail.text);
  if (!match) throw new Error(`no link starting with ${prefix} in "${mail.subject}"`);
  return match[0];
}
