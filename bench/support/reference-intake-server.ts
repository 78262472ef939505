// The reference ceiling for intake: bare node:http + better-sqlite3, one prepared upsert per
// request on the same table, no framework. Started as a child process by bench/intake.ts.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { prismaSqliteTimestamp } from "@switchboard/lib/db/dialect";

const databasePath = process.env.REFERENCE_DB_PATH ?? "";
const tenantId = process.env.REFERENCE_TENANT_ID ?? "";
const port = Number(process.env.REFERENCE_PORT ?? 0);

const database = new Database(databasePath);
// The same settings the app's client applies (lib/db/create-client.ts), so the ratio is fair.
database.pragma("journal_mode = WAL");
database.pragma("synchronous = NORMAL");
const upsert = database.prepare(
  `INSERT INTO "Signup" ("id","tenantId","email","emailNormalized","firstName","consentGiven","status","attempts","nextAttemptAt","createdAt","updatedAt")
   VALUES (?, ?, ?, ?, ?, 1, 'PENDING', 0, ?, ?, ?)
   ON CONFLICT ("tenantId","emailNormalized") DO UPDATE SET "firstName" = excluded."firstName", "updatedAt" = excluded."updatedAt"
   RETURNING "id"`,
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { email?: unknown; firstName?: unknown };
      if (typeof body.email !== "string" || !EMAIL.test(body.email)) {
        response.writeHead(422, { "content-type": "application/json" }).end('{"error":"validation_failed"}');
        return;
      }
      // Stored like the app stores DateTime (Prisma's SQLite text form), so both write the same rows.
      const now = prismaSqliteTimestamp(new Date());
      const row = upsert.get(
        randomUUID(),
        tenantId,
        body.email,
        body.email.toLowerCase(),
        typeof body.firstName === "string" ? body.firstName : null,
        now,
        now,
        now,
      ) as { id: string };
      response.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: row.id, status: "accepted" }));
    } catch {
      response.writeHead(400, { "content-type": "application/json" }).end('{"error":"bad_request"}');
    }
  });
}).listen(port, "127.0.0.1", () => process.stdout.write(`listening ${port}\n`));
