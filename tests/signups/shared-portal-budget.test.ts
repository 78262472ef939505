// The call budget all sync workers share per HubSpot portal, on both databases: several workers
// (each with its own database handles, as separate processes would have) racing for one portal
// never get more calls than the portal has slots in any rolling window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type Store } from "@switchboard/lib/db/store";
import { SharedPortalBudget } from "@switchboard/lib/integrations/pacing/shared-portal-budget";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/helpers/databases";

const WINDOW_MS = 1_000;
const SLOTS = 4;

describe.each(testProviders)("shared portal budget on %s", (provider) => {
  let database: TestDatabase;
  const clients: Store[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    for (let worker = 0; worker < 3; worker++) clients.push(createStore(database.url));
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await database?.drop();
  });

  it("never grants more calls than slots in any rolling window, however many workers race", async () => {
    const granted: number[] = [];
    const stopAt = Date.now() + 3.5 * WINDOW_MS;
    await Promise.all(
      clients.map(async (client) => {
        const budget = new SharedPortalBudget(client, SLOTS, WINDOW_MS);
        while (Date.now() < stopAt) {
          const now = Date.now();
          const waitMs = await budget.tryTake("race", now);
          if (waitMs === 0) granted.push(now);
          else await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 50)));
        }
      }),
    );
    granted.sort((a, b) => a - b);
    for (let index = 0; index + SLOTS < granted.length; index++) {
      const slotsPlusOne = granted.slice(index, index + SLOTS + 1);
      expect((granted[index + SLOTS] ?? 0) - (granted[index] ?? 0), `grants ${slotsPlusOne.join(", ")}`).toBeGreaterThanOrEqual(WINDOW_MS);
    }
    // …and the budget is actually used: up to four windows' worth (the first starts full); at least
    // two, so a loaded machine's slow database round trips still leave a clear signal.
    expect(granted.length).toBeGreaterThanOrEqual(SLOTS * 2);
    expect(granted.length).toBeLessThanOrEqual(SLOTS * 4);
  });

  it("keeps every worker away from a portal HubSpot paused until the pause ends", async () => {
    const [first, second] = clients.map((client) => new SharedPortalBudget(client, SLOTS, WINDOW_MS));
    if (!first || !second) throw new Error("two workers expected");
    const now = Date.now();
    expect(await first.tryTake("paused", now)).toBe(0);
    await first.pauseUntil("paused", now + 3_000);
    const waitMs = await second.tryTake("paused", now + 10);
    expect(waitMs).toBeGreaterThan(2_900);
    expect(waitMs).toBeLessThanOrEqual(2_990);
    expect(await second.tryTake("paused", now + 3_000)).toBe(0);
  });

  it("counts a call from HubSpot's answer once settled, for every worker", async () => {
    const [first, second] = clients.map((client) => new SharedPortalBudget(client, 1, WINDOW_MS));
    if (!first || !second) throw new Error("two workers expected");
    const takenAt = Date.now();
    expect(await first.tryTake("settled", takenAt)).toBe(0);
    // The call was answered 300 ms after its slot was taken (it may have arrived at HubSpot as late).
    await first.settle("settled", takenAt, takenAt + 300);
    expect(await second.tryTake("settled", takenAt + WINDOW_MS)).toBe(300);
    expect(await second.tryTake("settled", takenAt + WINDOW_MS + 300)).toBe(0);
    // A slot taken since by another worker keeps that worker's stamp.
    await first.settle("settled", takenAt, takenAt + 900);
    expect(await first.tryTake("settled", takenAt + 2 * WINDOW_MS + 299)).toBe(1);
  });

  it("gives each portal its own slots and recreates them after the table was emptied", async () => {
    const budget = new SharedPortalBudget(clients[0]!, 1, WINDOW_MS);
    const now = Date.now();
    expect(await budget.tryTake("portal-a", now)).toBe(0);
    expect(await budget.tryTake("portal-a", now)).toBeGreaterThan(0);
    expect(await budget.tryTake("portal-b", now)).toBe(0);
    await database.db.portalCallSlot.deleteMany();
    expect(await budget.tryTake("portal-a", now)).toBe(0);
  });

  it("follows the size HubSpot announces for a portal: more slots when it allows more, fewer when less", async () => {
    const [first, second] = clients.map((client) => new SharedPortalBudget(client, 2, WINDOW_MS));
    if (!first || !second) throw new Error("two workers expected");
    const now = Date.now();
    const takes = async (budget: SharedPortalBudget, portalId: string) => {
      let granted = 0;
      while ((await budget.tryTake(portalId, now)) === 0) granted++;
      return granted;
    };
    first.resize("grown", 5, WINDOW_MS);
    expect(await takes(first, "grown")).toBe(5);
    // A worker that has not learned the size yet still stays within what the others used.
    expect(await takes(second, "grown")).toBe(0);
    second.resize("shrunk", 1, WINDOW_MS);
    expect(await takes(second, "shrunk")).toBe(1);
    expect(first.slotsOf("grown")).toBe(5);
    expect(first.slotsOf("never-seen")).toBe(2);
  });
});
