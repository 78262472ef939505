import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// How many contacts per second the simulator absorbs through batch upserts (100 per call,
// rate limit off). The simulator runs in its own process so the load generator doesn't
// steal its event loop. Result: bench/results/simulator.json.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BATCHES = Number(process.env.BENCH_SIM_BATCHES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_SIM_CONCURRENCY ?? 8);
const BATCH_SIZE = 100;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function startSimulatorProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "simulator/src/main.ts")], {
    env: { ...process.env, HUBSPOT_SIM_PORT: "0", HUBSPOT_SIM_RATE_LIMIT: "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`simulator exited early with code ${code}`)));
  });
}

function send(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, location: res.headers.location }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function connect(url: string): Promise<string> {
  const form = "application/x-www-form-urlencoded";
  const redirectUri = "http://localhost:3000/api/integrations/hubspot/callback";
  const decision = new URLSearchParams({
    client_id: "switchboard-local",
    redirect_uri: redirectUri,
    scope: "oauth crm.objects.contacts.write",
    portal_id: "62515",
    decision: "grant",
  });
  const consent = await send(`${url}/oauth/authorize/decision`, "POST", decision.toString(), { "Content-Type": form });
  const code = new URL(consent.location ?? "").searchParams.get("code") ?? "";
  const grant = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    client_id: "switchboard-local",
    client_secret: "switchboard-local-secret",
  });
  const tokens = await send(`${url}/oauth/v3/token`, "POST", grant.toString(), { "Content-Type": form });
  return (JSON.parse(tokens.text) as { access_token: string }).access_token;
}

async function upsertPhase(url: string, token: string, label: string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < BATCHES) {
      const batch = next++;
      const inputs = Array.from({ length: BATCH_SIZE }, (_, i) => ({
        id: `bench-${batch * BATCH_SIZE + i}@example.com`,
        idProperty: "email",
        properties: { firstname: `F${i}`, lastname: label },
      }));
      const sent = performance.now();
      const response = await send(`${url}/crm/v3/objects/contacts/batch/upsert`, "POST", JSON.stringify({ inputs }), {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
      });
      if (response.status !== 200) throw new Error(`batch ${batch} answered ${response.status}`);
      latencies.push(performance.now() - sent);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    phase: label,
    batches: BATCHES,
    contacts: BATCHES * BATCH_SIZE,
    seconds: Math.round(seconds * 1000) / 1000,
    contactsPerSecond: Math.round((BATCHES * BATCH_SIZE) / seconds),
    batchLatencyMs: { p50: pick(0.5), p95: pick(0.95), max: pick(1) },
  };
}

async function main(): Promise<void> {
  const { child, url } = await startSimulatorProcess();
  try {
    const token = await connect(url);
    await upsertPhase(url, token, "warmup");
    await send(`${url}/_sim/reset`, "POST", "", {});
    const freshToken = await connect(url);
    const phases = [await upsertPhase(url, freshToken, "create"), await upsertPhase(url, freshToken, "update")];
    const result = {
      benchmark: "simulator batch upsert throughput",
      measuredAt: new Date().toISOString(),
      node: process.version,
      batchSize: BATCH_SIZE,
      concurrency: CONCURRENCY,
      phases,
      hubspotCeilingContactsPerSecondPerPortal: 1100,
    };
    const file = join(ROOT, "bench/results/simulator.json");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    for (const phase of phases) {
      console.log(
        `${phase.phase}: ${phase.contacts} contacts in ${phase.seconds} s = ${phase.contactsPerSecond} contacts/s (batch p50 ${phase.batchLatencyMs.p50} ms, p95 ${phase.batchLatencyMs.p95} ms)`,
      );
    }
    console.log(`HubSpot's own ceiling is 1,100 contacts/s per portal; results saved to ${file}`);
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(`bench:sim failed: ${(error as Error).message}`);
  process.exit(1);
});
