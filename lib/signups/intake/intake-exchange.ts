// The public signup API in terms of neither Next.js nor node:http: a request is headers plus a
// capped body, an answer is a status, headers and an optional JSON body. The App Router route and
// the production server's direct path (server/intake-path.ts) each adapt their own transport to it,
// so both answer every request identically.
import { exceedsJsonNesting, MAX_JSON_NESTING } from "@/lib/json/json-nesting";

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

// Reading a body: a hard byte cap (checked on Content-Length AND while streaming, since the header
// can lie or be absent), then JSON (nested at most MAX_JSON_NESTING levels) or form posts turned
// into a record.
export const MAX_SIGNUP_BODY_BYTES = 16 * 1024;

export type BodyResult = { ok: true; fields: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415 | 422; message: string };

export async function readSignupBody(request: IntakeRequest): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_SIGNUP_BODY_BYTES) return tooLarge();
  let bytes: Uint8Array | null;
  try {
    bytes = await request.readBody(MAX_SIGNUP_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyReadError) return { ok: false, status: 400, message: "The request body could not be read to its end." };
    throw error;
  }
  if (!bytes) return tooLarge();
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  try {
    if (contentType === "application/json" || contentType.endsWith("+json")) {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      if (exceedsJsonNesting(text)) return { ok: false, status: 422, message: `The body nests deeper than ${MAX_JSON_NESTING} levels.` };
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return { ok: false, status: 400, message: "The body must be a JSON object." };
      }
      return { ok: true, fields: parsed as Record<string, unknown> };
    }
    if (contentType === "application/x-www-form-urlencoded") {
      return { ok: true, fields: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(bytes))) };
    }
    if (contentType === "multipart/form-data") {
      const form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      }).formData();
      const fields: Record<string, unknown> = {};
      form.forEach((value, key) => {
        if (typeof value === "string") fields[key] = value;
      });
      return { ok: true, fields };
    }
  } catch {
    return { ok: false, status: 400, message: "The body could not be parsed; send JSON or a form." };
  }
  return { ok: false, status: 415, message: "Send application/json or application/x-www-form-urlencoded." };
}

function tooLarge(): BodyResult {
  return { ok: false, status: 413, message: `The body must be at most ${MAX_SIGNUP_BODY_BYTES / 1024} KB.` };
}

// The Fetch API's Request/Response (App Router route handlers) adapted to the exchange.
export function intakeRequestFromWeb(request: Request): IntakeRequest {
  return { headers: request.headers, readBody: (maxBytes) => readCapped(request, maxBytes) };
}

export function webResponseOf(answer: IntakeAnswer): Response {
  if (answer.json === undefined) return new Response(null, { status: answer.status, headers: answer.headers });
  return Response.json(answer.json, { status: answer.status, headers: answer.headers });
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new BodyReadError(error);
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
