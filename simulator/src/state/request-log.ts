// What the simulator received, for tests that count calls (e.g. how many refreshes happened).
// Paths are stored without query strings and with token and email segments redacted: never a
// secret, no personal data.

export interface LoggedRequest {
  method: string;
  path: string;
  /** null when the request got no response (a hang fault, or the client gave up). */
  status: number | null;
  time: string;
  durationMs: number;
  grantType?: string;
  portalId?: number;
  /** Mail HubSpot sent because of this request (the uninstall notice to the portal's admins). */
  mail?: { to: string; subject: string };
}

const MAX_ENTRIES = 50_000;
const TOKEN_PATH = /^(\/oauth\/v1\/(?:access-tokens|refresh-tokens))\/[^/]+/;

// Email addresses in paths (communication-preferences statuses, contacts by email) are personal
// data: the log and the console keep "[email]" instead.
const EMAIL_SEGMENT = /\/[^/]*(?:@|%40)[^/]*/gi;

export function redactPath(pathname: string): string {
  return pathname.replace(TOKEN_PATH, "$1/[redacted]").replace(EMAIL_SEGMENT, "/[email]");
}

export class RequestLog {
  private entries: LoggedRequest[] = [];

  /** Records a request on arrival (so the log keeps arrival order); the caller fills in status later. */
  record(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    // Bounded so long benchmarks don't grow memory without limit.
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES / 2);
    return entry;
  }

  list(): LoggedRequest[] {
    return this.entries.map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.entries = [];
  }
}
