// npm run keys:rotate — re-encrypts all stored OAuth tokens with the first key of
// TOKEN_ENCRYPTION_KEYS. Rotation without downtime: put the new key first (old ones after it),
// restart the app, run this, then remove the old key.
import { createDbClient } from "@switchboard/lib/db/create-client";
import { resolveDatabaseUrl } from "@switchboard/lib/db/database-url";
import { parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { serverEnv } from "@switchboard/lib/env/server";
import { rotateTokenKeys } from "@switchboard/lib/integrations/rotate-token-keys";

async function main(): Promise<number> {
  const env = serverEnv();
  const ring = parseKeyRing(env.TOKEN_ENCRYPTION_KEYS);
  const db = createDbClient(resolveDatabaseUrl(env.DATABASE_URL));
  try {
    const report = await rotateTokenKeys(db, ring);
    process.stdout.write(
      `Active key "${ring.active.id}": ${report.reencrypted} connection(s) re-encrypted, ` +
        `${report.alreadyCurrent} already current, ${report.failed.length} failed (of ${report.scanned}).\n`,
    );
    if (report.failed.length > 0) {
      process.stderr.write(`Could not decrypt connection(s) ${report.failed.join(", ")} with any configured key.\n`);
      return 1;
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`keys:rotate failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
