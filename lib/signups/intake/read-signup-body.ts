// Reads a public request body with a hard byte cap (checked on Content-Length AND while
// streaming, since the header can lie or be absent) and turns JSON or form posts into a record.
import { BodyReadError, type IntakeRequest } from "./intake-exchange";

export const MAX_SIGNUP_BODY_BYTES = 16 * 1024;

export type BodyResult =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; message: string };

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
      const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return { ok: false, status: 400, message: "The body must be a JSON object." };
      }
      return { ok: true, fields: parsed as Record<string, unknown> };
    }
    if (contentType === "application/x-www-form-urlencoded") {
      return { ok: true, fields: Object.fromEntries(new URLSearchParams(new TextDecoder().decode(bytes))) };
    }
    if (contentType === "multipart/form-data") {
      const form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
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
