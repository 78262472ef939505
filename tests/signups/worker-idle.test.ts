// `npm run worker` as a real process with nothing to do: it must keep polling (an idle worker
// that quietly exits would leave every later signup unsynced) and stop cleanly on SIGTERM.
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureApp } from "@/tests/helpers/app-env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { spawnWorker, stopWorker, waitFor } from "./support/worker-process";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  configureApp(database.url);
});

afterAll(async () => {
  await database?.drop();
});

describe("an idle sync worker process", () => {
  it("stays up through many empty polls and exits 0 on SIGTERM", async () => {
    const worker = spawnWorker({ SYNC_IDLE_POLL_MS: "50", LOG_LEVEL: "info" });
    const exited = once(worker, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    let output = "";
    worker.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(async () => output.includes("signup sync started"), "the worker to start", 30_000);
      // Twenty empty polls later…
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(worker.exitCode, output).toBeNull();
    } finally {
      await stopWorker(worker);
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toContain("signup worker stopping");
  });
});
