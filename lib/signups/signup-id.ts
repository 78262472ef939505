// Signup ids are made here, not by the database or Prisma, so every intake path (the direct
// SQLite writer, the Prisma batch insert, the honeypot's decoy answer) hands out the same shape.
import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
// 24 characters of a 36-letter alphabet: ~124 bits, so collisions are not a practical concern.
const RANDOM_LENGTH = 24;

/** "c" + 24 lowercase base-36 characters: the length and alphabet of Prisma's cuid(). */
export function newSignupId(): string {
  const bytes = randomBytes(RANDOM_LENGTH);
  let id = "c";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
