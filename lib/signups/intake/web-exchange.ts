// Adapts the Fetch API's Request/Response (App Router route handlers) to the intake exchange.
import { BodyReadError, type IntakeAnswer, type IntakeRequest } from "./intake-exchange";

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
