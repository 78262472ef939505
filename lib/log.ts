// Structured logging: one JSON object per line on stderr. Any field whose key looks like it could
// hold a credential is redacted at every depth, so a careless `log.info("…", { tokens })` stays safe.
import { configuredLogLevel } from "@/lib/env/server";

type Level = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const LEVEL_ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SENSITIVE_KEY = /token|secret|password|authorization|code/i;
const MAX_DEPTH = 6;
export const REDACTED = "[redacted]";

function threshold(): number {
  const configured = configuredLogLevel();
  return configured && configured in LEVEL_ORDER ? LEVEL_ORDER[configured as Level] : LEVEL_ORDER.info;
}

export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    // Messages of provider errors can quote request bodies; keep them, but never the stack's locals.
    return { name: value.name, message: value.message };
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[truncated]";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = SENSITIVE_KEY.test(key) ? REDACTED : redact(inner, depth + 1);
  }
  return result;
}

function write(level: Level, message: string, fields?: LogFields): void {
  if (LEVEL_ORDER[level] < threshold()) return;
  // Fields come first so they can never overwrite the time, level or message.
  const entry = { ...(fields ? (redact(fields) as LogFields) : {}), time: new Date().toISOString(), level, message };
  let line: string;
  try {
    line = JSON.stringify(entry);
  } catch {
    line = JSON.stringify({ time: entry.time, level, message, note: "fields were not serializable" });
  }
  process.stderr.write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: LogFields) => write("debug", message, fields),
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};
