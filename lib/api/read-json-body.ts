// Reads an /api/v1 request body: JSON only, at most MAX_API_BODY_BYTES (checked on Content-Length and
// while streaming, since the header can lie), nested at most MAX_JSON_NESTING levels, an object at
// the top. Each refusal is an AppError.
import { AppError } from "@/lib/app-error";
import { exceedsJsonNesting, MAX_JSON_NESTING } from "@/lib/json/json-nesting";

export const MAX_API_BODY_BYTES = 64 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_API_BODY_BYTES) throw tooLarge();
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const bytes = await readCapped(request);
  if (bytes.length === 0) return {};
  if (contentType !== "application/json" && !contentType.endsWith("+json")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notJson();
  }
  if (exceedsJsonNesting(text)) {
    throw new AppError("invalid_input", `The body nests deeper than ${MAX_JSON_NESTING} levels.`, {
      fieldErrors: { body: [`Nested deeper than ${MAX_JSON_NESTING} levels.`] },
    });
  }
  try {
    parsed = JSON.parse(text);
  } catch {
    throw notJson();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("invalid_input", "The body must be a JSON object.", { fieldErrors: { body: ["Expected a JSON object."] } });
  }
  return parsed;
}

async function readCapped(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_API_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function notJson(): AppError {
  return new AppError("invalid_input", "The body is not valid JSON.", { fieldErrors: { body: ["Not valid JSON."] } });
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `The body must be at most ${MAX_API_BODY_BYTES / 1024} KB.`);
}
