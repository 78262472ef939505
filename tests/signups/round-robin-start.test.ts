// Where a worker's round robin starts: a key between the lowest and highest pending tenant ids, so
// two workers started together do not walk the same tenants in the same order.
import { describe, expect, it } from "vitest";
import { keyBetween } from "@switchboard/lib/signups/sync/round-robin-start";

describe("round-robin start", () => {
  it("lands between the two ids, in the database's order, at the share asked", () => {
    const low = "cmfa0000000000000000000a";
    const high = "cmfz0000000000000000000z";
    const keys = [0.1, 0.25, 0.5, 0.75, 0.999].map((share) => keyBetween(low, high, share));
    for (const key of keys) {
      expect(key >= low).toBe(true);
      expect(key <= high).toBe(true);
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyBetween(low, high, 0.5).slice(0, 3)).toBe("cmf");
    // At the very start: just before the lowest id, which the round robin then serves first.
    expect(keyBetween(low, high, 0) <= low).toBe(true);
  });

  it("is printable text whatever the ids (PostgreSQL refuses a NUL), also for ids one character apart", () => {
    for (const share of [0, 0.001, 0.3, 0.999, 1]) {
      for (const [low, high] of [
        ["cmfa0000000000000000000a", "cmfa0000000000000000000b"],
        ["cmivq1x2a0000abcd", "cmivq1x2a0009zzzz"],
        ["a", "a0"],
      ] as const) {
        expect(keyBetween(low, high, share)).toMatch(/^[\x20-\x7e]*$/);
      }
    }
  });

  it("spreads ids of different lengths and characters too", () => {
    expect(keyBetween("a", "b", 0.5) > "a").toBe(true);
    expect(keyBetween("a", "b", 0.5) < "b").toBe(true);
    expect(keyBetween("tenant-1", "tenant-9", 0.5)).toMatch(/^tenant-[1-9]/);
  });
});
