// A delivery worker in its own process, for the kill -9 test: prints "claimed" once it holds a
// delivery (the receiver then hangs, so it is mid-delivery when killed).
import { createStore } from "@switchboard/lib/db/store";
import { parseKeyRing } from "@switchboard/lib/crypto/key-ring";
import { startWebhookWorker } from "@switchboard/lib/webhooks/delivery-worker";

const input = JSON.parse(process.env.WEBHOOK_CHILD_INPUT ?? "{}") as { databaseUrl: string; keyRing: string; leaseMs: number };
const store = createStore(input.databaseUrl);
const { db } = store;
startWebhookWorker({
  store,
  keyRing: parseKeyRing(input.keyRing),
  urlPolicy: { production: false, allowPrivate: true },
  timeoutMs: 60_000,
  idlePollMs: 50,
  leaseMs: input.leaseMs,
  workerId: "child-worker",
});
const timer = setInterval(() => {
  void db.webhookDelivery.count({ where: { claimedBy: { startsWith: "child-worker" } } }).then((count) => {
    if (count > 0) {
      process.stdout.write("claimed\n");
      clearInterval(timer);
    }
  });
}, 50);
