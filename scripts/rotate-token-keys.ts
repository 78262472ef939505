// npm run keys:rotate — re-encrypts all stored OAuth tokens (and webhook signing secrets) with the first key of
// TOKEN_ENCRYPTION_KEYS. Rotation without downtime: put the new key first (old ones after it),
// restart the app, run this, then remove the old key.
import { serverEnv } from "@switchboard/lib/env/server";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";
import { createRuntime } from "@switchboard/lib/runtime/runtime";
import { rotateTokenKeys } from "@switchboard/lib/integrations/rotate-token-keys";
import { rotateEndpointKeys } from "@switchboard/lib/webhooks/rotate-endpoint-keys";

async function main(): Promise<number> {
  loadEnvFiles();
  const runtime = createRuntime(serverEnv());
  const { db, keyRing: ring } = runtime;
  try {
    const report = await rotateTokenKeys(db, ring);
    process.stdout.write(
      `Active key "${ring.active.id}": ${report.reencrypted} connection(s) re-encrypted, ` +
        `${report.alreadyCurrent} already current, ${report.failed.length} failed (of ${report.scanned}).\n`,
    );
    const webhooks = await rotateEndpointKeys(db, ring);
    process.stdout.write(`Webhook signing secrets: ${webhooks.reencrypted} endpoint(s) re-encrypted, ${webhooks.failed.length} failed.\n`);
    if (report.failed.length > 0) {
      process.stderr.write(`Could not decrypt connection(s) ${report.failed.join(", ")} with any configured key.\n`);
    }
    if (webhooks.failed.length > 0) {
      process.stderr.write(`Could not decrypt the secret of webhook endpoint(s) ${webhooks.failed.join(", ")} with any configured key.\n`);
    }
    return report.failed.length > 0 || webhooks.failed.length > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`keys:rotate failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
