// A local HubSpot simulator and a throwaway database with the app configured for both — what every
// test that runs the signup sync in earnest starts from. Close it in afterAll.
import { startSimulator } from "@/simulator/src/server";
import { createTestDatabase, type TestDatabase, type TestProvider } from "./databases";
import { configureAppForSimulator } from "./simulator-env";

export interface SimulatorWorld {
  sim: Awaited<ReturnType<typeof startSimulator>>;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startSimulatorWorld(provider: TestProvider, env: Record<string, string> = {}): Promise<SimulatorWorld> {
  const sim = await startSimulator({ port: 0 });
  const database = await createTestDatabase(provider);
  configureAppForSimulator(sim.url, database.url, env);
  return {
    sim,
    database,
    close: async () => {
      await database.drop();
      await sim.close();
    },
  };
}
