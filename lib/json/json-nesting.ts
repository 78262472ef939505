// A bound on how deeply JSON from outsiders may nest. Parsing and validating a value 5,000 levels
// deep recurses that deep (zod, logging, Prisma) and ends in a stack overflow: a 500 for the
// client's mistake and a cheap way to burn a server's time. Every body and cursor Switchboard
// accepts nests a few levels at most, so anything deeper is refused before JSON.parse sees it.

/** Deeper than any body the API, the signup API or a cursor uses; far below what recursion survives. */
export const MAX_JSON_NESTING = 32;

/**
 * The deepest nesting of objects and arrays in `text`, counted in one pass without parsing (brackets
 * inside strings do not count), stopping as soon as `limit` is exceeded. Meant for text that is
 * about to be parsed: for malformed JSON the count is only an upper bound, which is all a guard needs.
 */
export function exceedsJsonNesting(text: string, limit: number = MAX_JSON_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */)
        index++; // the escaped character cannot end the string
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
