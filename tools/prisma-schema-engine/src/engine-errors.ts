// Turns whatever a request threw into the JSON-RPC error body Prisma's CLI understands:
// {code: 4466, message, data: {is_panic, message, error_code?, meta?}}. With an error_code the
// CLI shows "P3005 …" and reacts to known codes; without one it shows the message.
import type { RpcErrorBody } from "./json-rpc";
import { EngineUserError } from "./database-target";
import { takePanicMessage } from "./panic-registry";

export function toRpcError(error: unknown, externalError?: (id: number) => unknown): RpcErrorBody {
  if (error instanceof EngineUserError) {
    return body(error.message, false, error.errorCode, error.meta);
  }
  // wasm-bindgen rejects with plain objects or Errors carrying the engine's user-facing error.
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const errorCode = pickString(record, ["error_code", "errorCode", "code"]);
  let message = pickString(record, ["message"]) ?? (error instanceof Error ? error.message : String(error));
  message = explainExternalErrors(message, externalError);
  const panicMessage = takePanicMessage();
  if (panicMessage) message = `${panicMessage}`;
  const isPanic = Boolean(panicMessage) || record.is_panic === true || /RuntimeError: unreachable/.test(message);
  return body(message, isPanic, errorCode && /^P\d{4}$/.test(errorCode) ? errorCode : undefined, record.meta);
}

function body(message: string, isPanic: boolean, errorCode: string | undefined, meta: unknown): RpcErrorBody {
  const data: RpcErrorBody["data"] = { is_panic: isPanic, message };
  if (errorCode) data.error_code = errorCode;
  if (meta !== undefined) data.meta = meta;
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

function pickString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}

/** Appends the real driver error to the engine's opaque "External error id#N". */
export function explainExternalErrors(message: string, externalError?: (id: number) => unknown): string {
  if (!externalError) return message;
  return message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const cause = externalError(Number(id));
    if (cause === undefined) return whole;
    const detail = cause instanceof Error ? cause.message : JSON.stringify(cause);
    return `${whole}: ${detail}`;
  });
}
