// Child process for the API token storm: the app configured from the inherited environment, waits
// for "go" on stdin, then fires N concurrent POST /api/v1/connections/{id}/access-token through the
// route handler and prints the distinct tokens it got (as SHA-256 only) and the statuses.
import { createHash } from "node:crypto";
import { issueAccessToken } from "@switchboard/lib/api/v1/connection-routes";
import { db } from "@switchboard/lib/runtime/process-runtime";

const input = JSON.parse(process.env.API_BURST_INPUT ?? "{}") as { key: string; connectionId: string; calls: number };

async function main() {
  await db.connection.count(); // open the database before the race starts
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
  const call = async () => {
    const request = new Request(`http://localhost:3000/api/v1/connections/${input.connectionId}/access-token`, {
      method: "POST",
      headers: { authorization: `Bearer ${input.key}` },
    });
    const response = await issueAccessToken.handle(request, { params: Promise.resolve({ connectionId: input.connectionId }) });
    return { status: response.status, body: (await response.json()) as { accessToken?: string } };
  };
  const results = await Promise.all(Array.from({ length: input.calls }, call));
  const hashes = [
    ...new Set(
      results.flatMap((result) => (result.body.accessToken ? [createHash("sha256").update(result.body.accessToken).digest("hex")] : [])),
    ),
  ];
  process.stdout.write(`${JSON.stringify({ hashes, statuses: results.map((result) => result.status) })}\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
