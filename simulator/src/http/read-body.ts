import type { IncomingMessage } from "node:http";

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function isFormEncoded(req: IncomingMessage): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** Form fields from a urlencoded body; other content types yield no fields (HubSpot reads the body only). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const raw = await readBody(req);
  return isFormEncoded(req) ? new URLSearchParams(raw) : new URLSearchParams();
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

export async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const raw = await readBody(req);
  if (raw.trim() === "") return { ok: false, message: "Invalid input JSON: the request body is empty" };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unparseable";
    return { ok: false, message: `Invalid input JSON on line 1: ${detail}` };
  }
}
