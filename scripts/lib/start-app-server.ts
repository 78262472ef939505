// Starts the production server (server/main.ts, what `npm start` runs) as a child and ties its
// life to ours. Node is run directly rather than through npm/npx, whose wrappers can leave an
// orphaned server behind when killed (see TOOLCHAIN.md).
import { spawn } from "node:child_process";

type StartAppServerOptions = { port: number; env: Record<string, string | undefined>; onReady?: () => void };

/** The command line of `npm start`, for scripts that spawn the server themselves. */
export const APP_SERVER_ARGS = ["--import", "tsx", "server/main.ts"];

export function startAppServer({ port, env, onReady }: StartAppServerOptions): Promise<number> {
  const child = spawn(process.execPath, APP_SERVER_ARGS, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes("Switchboard ready")) onReady?.();
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}
