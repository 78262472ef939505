// Mail HubSpot would send, recorded instead of sent: the notice to a portal's admins that an app
// was uninstalled. Read with `GET /_sim/mails`; the uninstall request's log entry carries it too.

export interface SentMail {
  to: string;
  subject: string;
  portalId: number;
  time: string;
}

export class MailOutbox {
  private mails: SentMail[] = [];

  send(mail: Omit<SentMail, "time">): SentMail {
    const sent = { ...mail, time: new Date().toISOString() };
    this.mails.push(sent);
    return sent;
  }

  list(): SentMail[] {
    return this.mails.map((mail) => ({ ...mail }));
  }

  clear(): void {
    this.mails = [];
  }
}
