// What a visitor may send to subscribe, shared by the public page and the public API.
import { z } from "zod";
import { displayTextSchema } from "@/lib/display-text";
import { HONEYPOT_FIELD } from "./honeypot";

export { HONEYPOT_FIELD };

// HTML checkboxes send "on"; JSON clients send booleans; be liberal in what counts as "yes".
const checkboxSchema = z
  .union([z.boolean(), z.string(), z.number(), z.null(), z.undefined()], {
    error: "Consent must be true or false.",
  })
  .transform((value) => value === true || value === 1 || /^(on|true|yes|1)$/i.test(String(value ?? "")));

// Names follow the one display-text rule (lib/display-text.ts); an empty one counts as absent.
const optionalText = (max: number, label: string) =>
  z
    .union([z.string(), z.null(), z.undefined()], { error: `${label} must be text.` })
    .transform((value) => value ?? "")
    .pipe(displayTextSchema({ label, max }))
    .transform((value) => (value === "" ? undefined : value))
    // zod 4 decides key optionality from the outer schema, so say it explicitly.
    .optional();

export const signupInputSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address, like name@example.com.")),
  firstName: optionalText(100, "First name"),
  consent: checkboxSchema.refine((given) => given, "Tick the box to confirm you want the newsletter."),
});

/** True when the hidden field carries anything: real people never see it. */
export function isHoneypotFilled(raw: Record<string, unknown>): boolean {
  const value = raw[HONEYPOT_FIELD];
  return value !== undefined && value !== null && value !== "" && value !== false;
}

export type SignupInput = z.infer<typeof signupInputSchema>;

/** Email identity for de-duplication: HubSpot treats addresses case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
