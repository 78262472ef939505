// The process's key ring, for code not yet handed one by the composition root.
import type { KeyRing } from "./key-ring";
import { processRuntime } from "@/lib/runtime/process-runtime";

export function activeKeyRing(): KeyRing {
  return processRuntime().keyRing;
}
