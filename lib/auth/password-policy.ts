// What a new password must be, wherever one is chosen (invitation, reset, change, CLI). Length is
// what matters (NIST 800-63B); no composition rules. bcrypt reads only 72 bytes, so longer is refused
// rather than silently truncated.
import { z } from "zod";
import { displayTextSchema } from "@/lib/display-text";

export const MIN_PASSWORD_LENGTH = 10;

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((value) => Buffer.byteLength(value, "utf8") <= 72, "Use at most 72 bytes (about 72 characters).")
  .refine((value) => value.trim().length > 0, "The password cannot be only spaces.");

export const personNameSchema = displayTextSchema({ label: "Your name", min: 1, tooShort: "Enter your name.", max: 100 });

export const emailAddressSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(320, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((value) => value.toLowerCase());
