// fast-check arbitraries for JSON nested far deeper than any body needs: a JSON object whose one
// field holds `depth` levels of objects and arrays (mixed as the generator likes), optionally with
// brackets inside strings that must not count. What a hostile client sends to exhaust recursion.
import fc from "fast-check";

export type DeepJson = { text: string; depth: number };

function nest(depth: number, kinds: ("array" | "object")[], leaf: string): string {
  let open = "";
  let close = "";
  for (let level = 0; level < depth; level++) {
    const kind = kinds[level % kinds.length];
    open += kind === "array" ? "[" : '{"k":';
    close = (kind === "array" ? "]" : "}") + close;
  }
  return `${open}${leaf}${close}`;
}

/** A top-level object (what every JSON route expects) with a field nested `depth` levels deeper. */
export function deeplyNestedJson(options: { minDepth: number; maxDepth: number; fields?: string[] }): fc.Arbitrary<DeepJson> {
  return fc
    .record({
      depth: fc.integer({ min: options.minDepth, max: options.maxDepth }),
      kinds: fc.array(fc.constantFrom("array" as const, "object" as const), { minLength: 1, maxLength: 4 }),
      field: fc.constantFrom(...(options.fields ?? ["email", "url", "name", "x"])),
      leaf: fc.constantFrom("1", "null", '"[[[{{{"', "true"),
    })
    .map(({ depth, kinds, field, leaf }) => ({ text: `{${JSON.stringify(field)}:${nest(depth - 1, kinds, leaf)}}`, depth }));
}
