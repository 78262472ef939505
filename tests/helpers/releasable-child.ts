// Starts a test child script under tsx (lib from source), waits until it prints "ready", and lets
// the test release it ("go" on stdin) at the moment of its choosing — how the token storms put many
// callers in two processes on the starting line together. The child prints its result as one JSON line.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export async function spawnReleasableChild<Result>(
  scriptUrl: URL,
  env: Record<string, string>,
): Promise<{ go(): void; result: Promise<Result> }> {
  const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
  const child = spawn(tsx, ["--conditions=source", fileURLToPath(scriptUrl)], {
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
  });
  const result = new Promise<Result>((resolve, reject) => {
    child.once("exit", (code) => {
      const line = stdout.split("\n").find((text) => text.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as Result);
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
  await ready;
  return { go: () => child.stdin.end("go\n"), result };
}
