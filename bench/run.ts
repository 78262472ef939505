// `npm run bench` — signup sync throughput per portal (batch upsert vs naive) against the simulator
// with HubSpot's real limits, public intake against a production build vs a bare node:http
// reference, and the simulator's own bench if present. Loopback only; bounded; prints a summary
// and saves everything as JSON under bench/results/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { benchHostApi } from "./host-api";
import { benchIntake, type IntakeBenchResult } from "./intake";
import { benchSyncThroughput } from "./sync-throughput";

const SYNC_SIGNUPS = Number(process.env.BENCH_SYNC_SIGNUPS ?? 30_000);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 15);
const INTAKE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
const INTAKE_CONCURRENCY = Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 32);
const API_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const WEBHOOK_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 3_000);
// BENCH_ONLY=api runs just the host API and webhook measurements.
const ONLY = process.env.BENCH_ONLY;

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  line(`bench: ${cpus().length} cores, node ${process.version}, load average ${loadavg().map((value) => value.toFixed(2)).join(" ")} (other work on the machine skews these numbers)`);

  if (ONLY === "api") return saveResults(startedAt, { hostApi: await runHostApiBench() });

  line(`\n(a) sync throughput per portal — ${SYNC_SIGNUPS} signups, simulator limit 110 req / 10 s`);
  const sync = await benchSyncThroughput(SYNC_SIGNUPS, NAIVE_SECONDS);
  line(`  batch upsert : ${sync.contactsPerSecond} contacts/s overall, ${sync.sustainedContactsPerSecond} contacts/s sustained over whole 10 s windows (${sync.seconds} s, ${sync.upsertCalls} calls, ${sync.rateLimited429} × 429)`);
  line(`  lost ${sync.lost}, duplicates ${sync.duplicates}`);
  line(`  naive create : ${sync.naive.contactsPerSecond} contacts/s (${sync.naive.contacts} in ${sync.naive.seconds} s, ${sync.naive.rateLimited429} × 429)`);
  line(`  ratio        : ${sync.ratio}× (batch / naive)`);

  line(`\n(b) intake — POST /api/subscribe/{tenant}, ${INTAKE_CONCURRENCY} concurrent clients, ${INTAKE_SECONDS} s, SQLite`);
  const intake = await benchIntake(INTAKE_SECONDS * 1000, INTAKE_CONCURRENCY);
  printIntake("SQLite in WAL mode with synchronous=NORMAL (the app's settings), both servers", intake);

  const hostApi = await runHostApiBench();
  const simulator = runSimulatorBench();
  saveResults(startedAt, { sync, intake, hostApi, simulator });
}

async function runHostApiBench() {
  line(`\n(d) host API — ${INTAKE_CONCURRENCY} concurrent clients, ${API_SECONDS} s each, production server, SQLite`);
  const api = await benchHostApi(API_SECONDS * 1000, INTAKE_CONCURRENCY, WEBHOOK_EVENTS);
  line(`  access-token : ${api.accessToken.perSecond} calls/s, p50 ${api.accessToken.p50Ms} ms, p99 ${api.accessToken.p99Ms} ms (warm token; statuses ${JSON.stringify(api.accessToken.statusCounts)})`);
  line(`  whoami       : ${api.whoami.perSecond} calls/s, p50 ${api.whoami.p50Ms} ms, p99 ${api.whoami.p99Ms} ms (trivial authenticated call, same server)`);
  line(`  connection   : ${api.connectionRead.perSecond} calls/s, p50 ${api.connectionRead.p50Ms} ms, p99 ${api.connectionRead.p99Ms} ms (GET one connection: whoami plus one read)`);
  line(`  ratio        : ${api.ratio} access-token / whoami (goal ≥ 0.8: ${api.ratio >= 0.8 ? "met" : "NOT met"})`);
  line(`(e) webhooks — ${api.webhooks.events} events, ${api.webhooks.concurrency} at a time, local receiver`);
  line(`  delivered    : ${api.webhooks.deliveredPerSecond} deliveries/s (signed, claimed, logged)`);
  line(`  bare POSTs   : ${api.webhooks.barePostsPerSecond} posts/s to the same receiver`);
  line(`  ratio        : ${api.webhooks.ratio} (worker / bare loop)`);
  return api;
}

function saveResults(startedAt: Date, parts: Record<string, unknown>): void {
  const results = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine: { cores: cpus().length, node: process.version, loadAverage: loadavg() }, ...parts };
  mkdirSync(join("bench", "results"), { recursive: true });
  const file = join("bench", "results", `signups-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join("bench", "results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  line(`\nsaved ${file}`);
}

function printIntake(title: string, intake: IntakeBenchResult): void {
  line(`  ${title}`);
  const met = intake.app.perSecond >= 1_000 && intake.app.p99Ms < 100;
  line(`    npm start    : ${intake.app.perSecond} signups/s, p50 ${intake.app.p50Ms} ms, p99 ${intake.app.p99Ms} ms (${intake.app.storedRows} rows stored, statuses ${JSON.stringify(intake.app.statusCounts)}; build ${intake.build})`);
  line(`                   target ≥ 1,000 signups/s with p99 < 100 ms: ${met ? "met" : "NOT met"}`);
  line(`    via Next     : ${intake.throughNext.perSecond} signups/s, p50 ${intake.throughNext.p50Ms} ms, p99 ${intake.throughNext.p99Ms} ms (INTAKE_DIRECT_PATH=false: the same handler behind Next's router, as under plain next start)`);
  if (intake.nextFloor) line(`    Next floor   : ${intake.nextFloor.perSecond} req/s, p50 ${intake.nextFloor.p50Ms} ms, p99 ${intake.nextFloor.p99Ms} ms (GET /api/health through Next, one trivial query)`);
  line(`    node:http ref: ${intake.reference.perSecond} signups/s, p50 ${intake.reference.p50Ms} ms, p99 ${intake.reference.p99Ms} ms (${intake.reference.storedRows} rows stored)`);
  line(`    ratio        : ${intake.ratio} (app / reference)`);
}

// The simulator engineer's own throughput bench, when the project has one.
function runSimulatorBench(): { ran: boolean; exitCode?: number | null; output?: string } {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts["bench:sim"]) return { ran: false };
  line("\n(c) npm run bench:sim");
  const result = spawnSync("npm", ["run", "--silent", "bench:sim"], { encoding: "utf8", timeout: 90_000 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  for (const text of output.split("\n").filter((row) => !row.startsWith("npm warn"))) line(`  ${text}`);
  return { ran: true, exitCode: result.status, output };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const cause = (error as { cause?: unknown }).cause;
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}${cause ? `\ncaused by: ${String(cause)}` : ""}\n`);
    process.exit(1);
  },
);
