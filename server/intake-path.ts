// The production server's direct path for the public signup API. POST and OPTIONS on
// /api/subscribe/{tenantSlug} are answered here, before Next.js's router, by the same handler the
// App Router route uses. Next's per-request machinery (routing, tracing, web-stream request and
// response objects) costs several times more CPU than taking a signup does; this path is what lets
// one small instance keep up with a burst of signups. Everything else goes to Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SubscribeContext } from "@switchboard/lib/signups/intake/handle-subscribe";
import { answerSubscribe, answerSubscribePreflight } from "@switchboard/lib/signups/intake/handle-subscribe";
import { BodyReadError, type IntakeAnswer, type IntakeRequest } from "@switchboard/lib/signups/intake/intake-exchange";

const INTAKE_PATH = /^\/api\/subscribe\/([^/?#]+)(?:\?.*)?$/;

/** The tenant slug when this request belongs to the direct path; null leaves it to Next. */
export function intakeSlugOf(request: IncomingMessage): string | null {
  if (request.method !== "POST" && request.method !== "OPTIONS") return null;
  const match = INTAKE_PATH.exec(request.url ?? "");
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // malformed escapes: let Next answer as it would
  }
}

export async function serveIntake(
  request: IncomingMessage,
  response: ServerResponse,
  slug: string,
  context: SubscribeContext,
): Promise<void> {
  const exchange = intakeRequestFromNode(request);
  const answer =
    request.method === "OPTIONS" ? await answerSubscribePreflight(exchange, slug, context) : await answerSubscribe(exchange, slug, context);
  sendAnswer(response, answer);
}

function intakeRequestFromNode(request: IncomingMessage): IntakeRequest {
  return {
    headers: {
      get(name) {
        const value = request.headers[name.toLowerCase()];
        if (Array.isArray(value)) return value.join(", ");
        return value ?? null;
      },
    },
    readBody: (maxBytes) => readCapped(request, maxBytes),
  };
}

function readCapped(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        // Stop reading; the answer closes the connection so the unread rest is never parsed.
        request.off("data", onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks, total)));
    request.once("error", (error) => reject(new BodyReadError(error)));
  });
}

function sendAnswer(response: ServerResponse, answer: IntakeAnswer): void {
  const body = answer.json === undefined ? undefined : JSON.stringify(answer.json);
  const headers: Record<string, string | number> = { ...answer.headers };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  headers["Content-Length"] = body === undefined ? 0 : Buffer.byteLength(body);
  // A refused oversized body is not read to its end: close rather than parse its rest as the next
  // request. (Smaller unread bodies, e.g. after a 404, Node drains itself and keeps the connection.)
  if (answer.status === 413) headers.Connection = "close";
  response.writeHead(answer.status, headers);
  response.end(body);
}
