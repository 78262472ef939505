// When a stored access token is refreshed, and when it may still serve as a last resort.
import { describe, expect, it } from "vitest";
import { needsRefresh, stillUsable } from "@switchboard/lib/integrations/tokens/refresh";

const now = new Date("2026-11-22T12:00:00Z");
const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);

describe("token freshness", () => {
  it("refreshes with five minutes or less left on a normal 30-minute token", () => {
    expect(needsRefresh(at(301), at(-1499), now)).toBe(false);
    expect(needsRefresh(at(300), at(-1500), now)).toBe(true);
    expect(needsRefresh(at(-10), at(-1810), now)).toBe(true);
  });

  it("refreshes when the expiry is unknown", () => {
    expect(needsRefresh(null, null, now)).toBe(true);
  });

  it("uses half the lifetime for very short tokens, so not every call refreshes", () => {
    // A 2-minute token refreshed 10 s ago: 110 s left > 60 s (half its life) → keep it.
    expect(needsRefresh(at(110), at(-10), now)).toBe(false);
    expect(needsRefresh(at(59), at(-61), now)).toBe(true);
  });

  it("serves a token as a last resort only with more than 30 seconds left", () => {
    expect(stillUsable(at(31), now)).toBe(true);
    expect(stillUsable(at(30), now)).toBe(false);
    expect(stillUsable(null, now)).toBe(false);
  });
});
