import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact, REDACTED } from "@switchboard/lib/log";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe("log", () => {
  it("writes one JSON object per line to stderr", () => {
    const lines = captureStderr();
    log.info("connection tested", { tenantId: "t1", latencyMs: 12 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", message: "connection tested", tenantId: "t1", latencyMs: 12 });
  });

  it("redacts credential-like keys at any depth", () => {
    const lines = captureStderr();
    log.error("refresh failed", {
      accessToken: "at-123",
      response: { refresh_token: "rt-456", Authorization: "Bearer x", status: 400 },
      attempts: [{ clientSecret: "s" }],
      code: "oauth-code",
      password: "hunter2",
    });
    const text = lines.join("");
    for (const secret of ["at-123", "rt-456", "Bearer x", "oauth-code", "hunter2", '"s"']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ accessToken: REDACTED, response: { status: 400, refresh_token: REDACTED } });
  });

  it("reduces errors to name and message", () => {
    expect(redact({ error: new TypeError("boom") })).toEqual({ error: { name: "TypeError", message: "boom" } });
  });

  it("honours LOG_LEVEL", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const lines = captureStderr();
    log.info("hidden");
    log.warn("shown");
    expect(lines).toHaveLength(1);
  });
});
