// Log lines in the native engine's format. They go to stderr only: stdout carries JSON-RPC and
// a single stray byte there would corrupt the conversation with Prisma's CLI.

export type LogLevel = "ERROR" | "WARN" | "INFO" | "DEBUG";

export function logLine(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
  const line = { timestamp: new Date().toISOString(), level, target: "schema_engine::logger", fields: { message, ...fields } };
  process.stderr.write(JSON.stringify(line) + "\n");
}

/**
 * Keeps libraries from printing to stdout behind our back: anything written through console.*
 * goes to stderr instead.
 */
export function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]): void => {
    process.stderr.write(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" ") + "\n");
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
