// Ids for rows the database layer inserts without Prisma: "c" + 24 lowercase base-36 characters,
// the length and alphabet of Prisma's cuid() (~124 bits, so collisions are not a practical concern).
import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const RANDOM_LENGTH = 24;

export function newRowId(): string {
  const bytes = randomBytes(RANDOM_LENGTH);
  let id = "c";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
