// The nesting guard counts what JSON.parse would build: objects and arrays, not brackets in strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exceedsJsonNesting, MAX_JSON_NESTING } from "@switchboard/lib/json/json-nesting";
import { deeplyNestedJson } from "@/tests/helpers/deep-json";

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe("exceedsJsonNesting", () => {
  it("agrees with the parsed value's real depth for any JSON, strings full of brackets included (fast-check)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(exceedsJsonNesting(text, limit)).toBe(depthOf(JSON.parse(text)) > limit);
      }),
      { numRuns: 500 },
    );
  });

  it("flags hostile nesting thousands of levels deep, and passes it just under the limit (fast-check)", () => {
    fc.assert(
      fc.property(deeplyNestedJson({ minDepth: MAX_JSON_NESTING + 1, maxDepth: 6_000 }), ({ text }) => {
        expect(exceedsJsonNesting(text)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(deeplyNestedJson({ minDepth: 1, maxDepth: MAX_JSON_NESTING }), ({ text, depth }) => {
        expect(depthOf(JSON.parse(text))).toBe(depth);
        expect(exceedsJsonNesting(text)).toBe(false);
      }),
    );
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(exceedsJsonNesting(JSON.stringify({ a: '[[[[[[\\"{{{{{{' }), 1)).toBe(false);
    expect(exceedsJsonNesting('{"a":"\\"","b":[[1]]}', 2)).toBe(true);
  });
});
