// The one way Switchboard sends email: nodemailer to SMTP_URL, or, in development and the demo,
// into a local mailbox folder shown at /dev/mailbox. Sending never throws: a message that could
// not go out is logged (recipient's domain only — bodies carry single-use links) and reported to
// the caller, who decides whether that matters.
import nodemailer, { type Transporter } from "nodemailer";
import type { ServerEnv } from "@/lib/env/server";
import { log } from "@/lib/log";
import { writeToMailbox } from "./local-mailbox";
import type { MailContent } from "./mail-content";

export type MailDelivery = { delivered: true; via: "smtp" | "mailbox" } | { delivered: false; reason: "not_configured" | "failed" };

export interface Mailer {
  send(to: string, content: MailContent): Promise<MailDelivery>;
}

/** smtpUrl wins; without it mailboxDir catches mail locally; with neither, nothing is sent. */
export type MailerConfig = { from: string; smtpUrl?: string; mailboxDir?: string };

export function createMailer(config: MailerConfig): Mailer {
  const transport: Transporter | null = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : config.mailboxDir
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" })
      : null;
  return {
    async send(to, content) {
      if (!transport) {
        log.warn("mail not sent: SMTP_URL is not configured", { toDomain: domainOf(to), subject: content.subject });
        return { delivered: false, reason: "not_configured" };
      }
      try {
        // base64 bodies: long links survive every relay intact, and readers decode one encoding.
        const info = await transport.sendMail({ from: config.from, to, ...content, textEncoding: "base64" });
        if (config.smtpUrl) return { delivered: true, via: "smtp" };
        await writeToMailbox(config.mailboxDir as string, (info as { message: Buffer }).message);
        return { delivered: true, via: "mailbox" };
      } catch (error) {
        log.error("mail could not be sent", {
          toDomain: domainOf(to),
          subject: content.subject,
          error: (error as NodeJS.ErrnoException).code ?? (error as Error).name,
        });
        return { delivered: false, reason: "failed" };
      }
    },
  };
}

/** Whether this deployment keeps mail in the local mailbox (and serves /dev/mailbox). */
export function usesLocalMailbox(env: Pick<ServerEnv, "SMTP_URL" | "NODE_ENV" | "DEMO_MODE">): boolean {
  return !env.SMTP_URL && (env.NODE_ENV === "development" || env.DEMO_MODE);
}

function domainOf(address: string): string {
  return address.split("@").at(-1) ?? "";
}
