// The ONE rule for text that people see as a name (a person, a tenant, an API key, a webhook
// endpoint's description, a subscriber's first name): invisible characters that reorder or hide
// text are removed, control characters are refused. Every boundary that accepts such a name uses
// displayTextSchema, so the dashboard, the CLI, /api/v1 and the public signup API agree.
import { z } from "zod";

/** C0 (CR, LF and TAB included), DEL and C1: no name needs one, and PostgreSQL refuses NUL. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

// Bidirectional embeddings, overrides, marks and isolates (an RLO makes "Eve\u202Etxt.exe" display
// as "Eveexe.txt" in the dashboard and in HubSpot) and zero-width characters (lookalike names).
// Removed rather than refused: a pasted name may carry them without anyone meaning harm.
const INVISIBLE_FORMATTING = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisibleFormatting(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, "");
}

export type DisplayTextRule = {
  /** Names the field in messages: "First name", "Tenant name"… */
  label: string;
  max: number;
  /** At least this many characters after trimming (0: may be empty). */
  min?: number;
  /** The message when shorter than min (default: "<label> must not be empty."). */
  tooShort?: string;
};

/** A string schema (it stays a plain string in the OpenAPI document): strip, refuse controls, trim, bound. */
export function displayTextSchema(rule: DisplayTextRule) {
  const schema = z
    .string({ error: `${rule.label} must be text.` })
    .overwrite(stripInvisibleFormatting)
    .refine((value) => !CONTROL_CHARACTERS.test(value), {
      message: `${rule.label} cannot contain control characters (such as line breaks or tabs).`,
      abort: true,
    })
    .trim()
    .max(rule.max, `${rule.label} must be at most ${rule.max} characters.`);
  return rule.min ? schema.min(rule.min, rule.tooShort ?? `${rule.label} must not be empty.`) : schema;
}
