// A delivery worker in its own process, for the kill -9 test: prints "claimed" once it holds a
// delivery (the receiver then hangs, so it is mid-delivery when killed).
import { createDbClient } from "@switchboard/lib/db/create-client";
import { databaseProvider } from "@switchboard/lib/db/database-url";
import { parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { startWebhookWorker } from "@switchboard/lib/webhooks/delivery-worker";

const input = JSON.parse(process.env.WEBHOOK_CHILD_INPUT ?? "{}") as { databaseUrl: string; keyRing: string; leaseMs: number };
const db = createDbClient(input.databaseUrl);
startWebhookWorker({
  db, provider: databaseProvider(input.databaseUrl), keyRing: parseKeyRing(input.keyRing),
  urlPolicy: { production: false, allowPrivate: true }, timeoutMs: 60_000, idlePollMs: 50, leaseMs: input.leaseMs, workerId: "child-worker",
});
const timer = setInterval(() => {
  void db.webhookDelivery.count({ where: { claimedBy: { startsWith: "child-worker" } } }).then((count) => {
    if (count > 0) {
      process.stdout.write("claimed\n");
      clearInterval(timer);
    }
  });
}, 50);
