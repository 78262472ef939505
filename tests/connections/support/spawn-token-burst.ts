// Starts token-burst-child.ts under tsx and lets the test release it at the moment of its choosing.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { HubspotConfig } from "@switchboard/lib/integrations/hubspot/config";

export type BurstResult = { hashes: string[]; failures: number };

export async function spawnTokenBurst(input: {
  databaseUrl: string; connectionId: string; calls: number; keyRing: string; config: HubspotConfig;
}): Promise<{ go(): void; result: Promise<BurstResult> }> {
  const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
  const script = fileURLToPath(new URL("./token-burst-child.ts", import.meta.url));
  const child = spawn(tsx, ["--conditions=source", script], {
    env: { ...process.env, TOKEN_BURST_INPUT: JSON.stringify(input) },
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
  const result = new Promise<BurstResult>((resolve, reject) => {
    child.once("exit", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as BurstResult);
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
  await ready;
  return { go: () => child.stdin.end("go\n"), result };
}
