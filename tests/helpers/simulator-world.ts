// A local HubSpot simulator and a throwaway database with the app configured for both — what every
// test that runs the signup sync in earnest starts from. Close it in afterAll.
import { loadServerEnv } from "@switchboard/lib/env/load-server-env";
import { closeProcessRuntime, hasProcessRuntime, installRuntime } from "@switchboard/lib/runtime/process-runtime";
import { createRuntime, type Runtime } from "@switchboard/lib/runtime/runtime";
import { startSimulator } from "@/simulator/src/server";
import { createTestDatabase, type TestDatabase, type TestProvider } from "./databases";
import { configureAppForSimulator } from "./simulator-env";

export interface SimulatorWorld {
  sim: Awaited<ReturnType<typeof startSimulator>>;
  database: TestDatabase;
  /** The app's resources for this database and simulator, as an entry point would build them. */
  runtime: Runtime;
  close(): Promise<void>;
}

export async function startSimulatorWorld(provider: TestProvider, env: Record<string, string> = {}): Promise<SimulatorWorld> {
  const sim = await startSimulator({ port: 0 });
  const database = await createTestDatabase(provider);
  configureAppForSimulator(sim.url, database.url, env);
  const runtime = createRuntime(loadServerEnv(process.env), { db: database.db });
  // Code that Next loads on its own (route handlers, actions) takes the process's runtime: the first
  // world's of a test file.
  if (!hasProcessRuntime()) installRuntime(runtime);
  return {
    sim,
    database,
    runtime,
    close: async () => {
      await closeProcessRuntime(runtime);
      await database.drop();
      await sim.close();
    },
  };
}
