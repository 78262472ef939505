import { createHash } from "node:crypto";

// SHA-256 of every authorization code, access token and refresh token the simulator has issued
// since it started. Kept across `POST /_sim/reset` on purpose: a leak audit at the end of a test
// run must recognise secrets from before any reset. Only hashes leave the simulator, so the
// control API can expose them without becoming a leak itself.

export function fingerprintOf(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export class SecretFingerprints {
  private readonly hashes = new Set<string>();

  remember(secret: string): void {
    this.hashes.add(fingerprintOf(secret));
  }

  list(): string[] {
    return [...this.hashes];
  }
}
