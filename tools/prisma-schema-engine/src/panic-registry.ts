// The wasm engine reports a Rust panic by calling global.PRISMA_WASM_PANIC_REGISTRY.set_message
// before trapping. Without that object the process dies with a TypeError and no clue; with it the
// panic message reaches the CLI as an is_panic error.

let lastPanicMessage: string | undefined;

export function installPanicRegistry(): void {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string): void {
      lastPanicMessage = message;
    },
  };
}

/** The message of the most recent panic, once (so a later, unrelated error is not mislabelled). */
export function takePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}
