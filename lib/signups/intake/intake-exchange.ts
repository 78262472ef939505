// The public signup API in terms of neither Next.js nor node:http: a request is headers plus a
// capped body, an answer is a status, headers and an optional JSON body. The App Router route and
// the production server's direct path (server/intake-path.ts) each adapt their own transport to it,
// so both answer every request identically.

export interface HeaderReader {
  get(name: string): string | null;
}

export interface IntakeRequest {
  headers: HeaderReader;
  /**
   * The whole body, or null as soon as it grows past `maxBytes` (the rest is left unread).
   * Throws BodyReadError when the client goes away (or the stream fails) before the end.
   */
  readBody(maxBytes: number): Promise<Uint8Array | null>;
}

export interface IntakeAnswer {
  status: number;
  headers: Record<string, string>;
  /** Sent as application/json when present. */
  json?: unknown;
}

/** The client stopped sending mid-body: its fault, answered 400, not logged as our failure. */
export class BodyReadError extends Error {
  constructor(cause: unknown) {
    super("the request body could not be read", { cause });
    this.name = "BodyReadError";
  }
}
