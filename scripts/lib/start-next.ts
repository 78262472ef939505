// Starts `next start` as a child and ties its life to ours. The binary is run directly, not
// through npx, because killing npx leaves an orphaned next-server behind (see TOOLCHAIN.md).
import { spawn } from "node:child_process";
import { join } from "node:path";

type StartNextOptions = { port: number; env: Record<string, string | undefined>; onReady?: () => void };

export function startNext({ port, env, onReady }: StartNextOptions): Promise<number> {
  const bin = join(process.cwd(), "node_modules", ".bin", process.platform === "win32" ? "next.cmd" : "next");
  const child = spawn(bin, ["start", "-p", String(port)], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Ready")) onReady?.();
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}
