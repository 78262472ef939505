// Group commit (lib/db/group-commit.ts), which intake's PostgreSQL writer and the hot-path audit
// writer share: what arrives in one turn of the event loop is one batch write; each caller gets
// its own item's outcome, and only after the batch is written.
import { describe, expect, it } from "vitest";
import { allWritten, groupCommit } from "@switchboard/lib/db/group-commit";

describe("groupCommit", () => {
  it("writes what arrives in one turn as one batch, and a later turn as the next", async () => {
    const batches: number[][] = [];
    const write = groupCommit(100, async (items: number[]) => {
      batches.push(items);
      return items.map((item) => ({ status: "fulfilled" as const, value: item * 10 }));
    });
    expect(await Promise.all([write(1), write(2), write(3)])).toEqual([10, 20, 30]);
    expect(await write(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("splits a burst at the batch size", async () => {
    const batches: number[][] = [];
    const write = groupCommit(2, async (items: number[]) => {
      batches.push(items);
      return allWritten(items.length, "ok");
    });
    await Promise.all([1, 2, 3, 4, 5].map(write));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("gives each caller its own outcome, and rejects every caller when the batch write throws", async () => {
    const perItem = groupCommit(10, async (items: number[]) =>
      items.map((item) =>
        item % 2 === 0 ? { status: "fulfilled" as const, value: item } : { status: "rejected" as const, reason: new Error(`odd ${item}`) },
      ),
    );
    const outcomes = await Promise.allSettled([perItem(1), perItem(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "fulfilled"]);
    const failing = groupCommit(10, async () => {
      throw new Error("disk full");
    });
    const both = await Promise.allSettled([failing(1), failing(2)]);
    expect(both.map((outcome) => (outcome.status === "rejected" ? (outcome.reason as Error).message : "ok"))).toEqual([
      "disk full",
      "disk full",
    ]);
  });

  it("does not answer before the batch write has finished", async () => {
    let finish = () => {};
    const write = groupCommit(
      10,
      (items: number[]) =>
        new Promise<PromiseSettledResult<string>[]>((resolve) => (finish = () => resolve(allWritten(items.length, "done")))),
    );
    let answered = false;
    const pending = write(1).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    finish();
    await pending;
    expect(answered).toBe(true);
  });
});
