// The process-wide key ring, read once from validated configuration.
import { serverEnv } from "@/lib/env/server";
import { parseKeyRing, type KeyRing } from "./key-ring";

let cached: KeyRing | undefined;

export function activeKeyRing(): KeyRing {
  cached ??= parseKeyRing(serverEnv().TOKEN_ENCRYPTION_KEYS);
  return cached;
}
