// Child processes of the multi-portal bench: the simulator and `npm run worker` processes, each in
// its own process group (stopped with stopGroup), so the worker under test never shares an event
// loop or a core's time slice with the simulator answering it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_PORTALS } from "@/simulator/src/config";
import { freePort, waitUntilUp } from "./production-app";

// Children still running when this process ends (an error, a timeout's SIGTERM, Ctrl-C) are
// stopped with it: they run in process groups of their own and would outlive it otherwise.
const running = new Set<ChildProcess>();
let stopsChildrenOnExit = false;
function stoppedOnExit(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (!stopsChildrenOnExit) {
    stopsChildrenOnExit = true;
    process.once("exit", () => {
      for (const leftOver of running) if (leftOver.pid) process.kill(-leftOver.pid, "SIGTERM");
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(1));
  }
  return child;
}

// node --import tsx rather than the tsx CLI: one process each, so /proc shows its whole CPU time.
const tsNode = (script: string, extraArgs: string[] = []) => [...extraArgs, "--conditions=source", "--import", "tsx", script];

export function benchPortalIds(count: number): number[] {
  return Array.from({ length: count }, (_, index) => 300_001 + index);
}

/**
 * The simulator in a process of its own, HubSpot's marketplace limit per portal. Its portals come
 * from a file (HUBSPOT_SIM_PORTALS_FILE: one environment variable holding thousands fails the spawn
 * with E2BIG); `onDemand` starts it with none listed and creates each portal the first time it is named.
 */
export async function startSimulatorProcess(
  portalIds: number[],
  { onDemand = false }: { onDemand?: boolean } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const scopes = DEFAULT_PORTALS[0]!.scopes;
  const folder = mkdtempSync(join(tmpdir(), "bench-sim-portals-"));
  const portalsFile = join(folder, "portals.json");
  const listed = onDemand ? [DEFAULT_PORTALS[0]!.id] : portalIds;
  writeFileSync(portalsFile, JSON.stringify(listed.map((id) => ({ id, name: `Bench portal ${id}`, scopes }))));
  const child = spawnStopped(process.execPath, tsNode("simulator/src/main.ts"), {
    env: {
      ...process.env,
      HUBSPOT_SIM_PORT: String(port),
      HUBSPOT_SIM_HOST: "127.0.0.1",
      HUBSPOT_SIM_PORTALS_FILE: portalsFile,
      HUBSPOT_SIM_CREATE_PORTALS_ON_DEMAND: onDemand ? "true" : "false",
      HUBSPOT_SIM_RATE_LIMIT: "110",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/_sim/health`, child);
  } finally {
    // Read once at start-up.
    rmSync(folder, { recursive: true, force: true });
  }
  return { url, child };
}

/** A `npm run worker` process on the given database, with this process's (simulator) configuration. */
export function startWorkerProcess(databaseUrl: string, extraArgs: string[] = []): ChildProcess {
  return spawnStopped(process.execPath, tsNode("scripts/worker.ts", extraArgs), {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

function spawnStopped(...args: Parameters<typeof spawn>): ChildProcess {
  return stoppedOnExit(spawn(...args));
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
