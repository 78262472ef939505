// `npm run bench` — side by side in one run: sync throughput per portal (batch upsert vs naive),
// aggregate sync across 50 portals (SQLite, and PostgreSQL with 1 vs 2 workers), public intake
// (production build vs a bare node:http reference), intake with and without 1,000,000 waiting
// signups, the signups page at 0 vs 1,000,000 rows, and the simulator's own bench if present.
// Loopback only; bounded; prints a summary and saves everything as JSON under bench/results/.
// BENCH_PARTS=sync,many,small,intake,backlog,page,api,sim runs a subset (small: a platform of small
// tenants, bench/small-tenants.ts); BENCH_SYNC_IN_PROCESS=false runs
// the backlog part's servers without their in-process sync (intake's own cost alone).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { benchHostApi } from "./host-api";
import { benchIntake, type IntakeBenchResult } from "./intake";
import { benchIntakeWithBacklog } from "./intake-waiting";
import { benchManyPortals, type ManyPortalsResult } from "./many-portals";
import { benchSignupsPage, type PageTimings } from "./signups-page";
import { benchSmallTenants, isSmallTenantsPart, postgresCpuRatios, SMALL_TENANT_PARTS } from "./small-tenants";
import { benchSyncThroughput } from "./sync-throughput";
import { loadEnvFiles } from "@switchboard/lib/env/load-env-files";

// Before the knobs below are read: BENCH_* may come from `.env` like every other setting.
loadEnvFiles();

const SYNC_SIGNUPS = Number(process.env.BENCH_SYNC_SIGNUPS ?? 30_000);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 15);
const INTAKE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
const INTAKE_CONCURRENCY = Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 32);
const MANY_PORTALS = Number(process.env.BENCH_MANY_PORTALS ?? 50);
const MANY_PER_PORTAL = Number(process.env.BENCH_MANY_PER_PORTAL ?? 4_000);
const WAITING_SIGNUPS = Number(process.env.BENCH_WAITING_SIGNUPS ?? 1_000_000);
const PAGE_ROWS = Number(process.env.BENCH_PAGE_ROWS ?? 1_000_000);
const PART_GROUPS: Record<string, string[]> = {
  many: ["many-sqlite", "many-pg1", "many-pg2"],
  small: SMALL_TENANT_PARTS,
};
const PARTS = (process.env.BENCH_PARTS ?? "sync,many,small,intake,backlog,page,api,sim")
  .split(",")
  .flatMap((part) => PART_GROUPS[part] ?? [part]);
const CHILD_PART = process.env.BENCH_CHILD_PART;
const API_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const WEBHOOK_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 3_000);

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

// Each part runs in a process of its own: the app's configuration (simulator URL, secrets) is
// validated and cached once per process, and every part brings its own simulator and database.
async function main(): Promise<void> {
  if (CHILD_PART) return runPart(CHILD_PART, process.env.BENCH_CHILD_OUT!);
  const startedAt = new Date();
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 1e9),
    node: process.version,
    loadAverage: loadavg(),
  };
  line(
    `bench: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadAverage.map((value) => value.toFixed(2)).join(" ")} (other work on the machine skews these numbers)`,
  );
  const results: Record<string, unknown> = { startedAt: startedAt.toISOString(), machine };
  const folder = mkdtempSync(join(tmpdir(), "bench-parts-"));
  try {
    for (const part of PARTS) {
      if (part === "sim") {
        results.simulator = runSimulatorBench();
        continue;
      }
      const out = join(folder, `${part}.json`);
      const child = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "bench/run.ts"], {
        env: { ...process.env, BENCH_CHILD_PART: part, BENCH_CHILD_OUT: out },
        stdio: "inherit",
      });
      if (child.status !== 0) {
        line(`  (part ${part} failed with exit code ${child.status})`);
        results[part] = { failed: true, exitCode: child.status };
        continue;
      }
      Object.assign(results, JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>);
      if (part === "many-pg2") printScaling(results);
      if (part === "few-pg2") printSmallCpuRatios(results);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  results.finishedAt = new Date().toISOString();
  mkdirSync(join("bench", "results"), { recursive: true });
  const file = join("bench", "results", `signups-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join("bench", "results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  line(`\nsaved ${file}`);
}

async function runPart(part: string, out: string): Promise<void> {
  const results: Record<string, unknown> = {};
  if (part === "sync") {
    line(`\n(a) sync throughput per portal — ${SYNC_SIGNUPS} signups per limit profile`);
    const sync = await benchSyncThroughput(SYNC_SIGNUPS, NAIVE_SECONDS);
    for (const profile of sync.profiles) {
      line(`  ${profile.profile} (${profile.simulatorLimit}; ceiling ${profile.ceilingContactsPerSecond} contacts/s):`);
      line(
        `    batch upsert : ${profile.contactsPerSecond} contacts/s overall, ${profile.sustainedContactsPerSecond} contacts/s sustained over whole 10 s windows = ${profile.shareOfCeilingPercent} % of the ceiling (${profile.seconds} s, ${profile.upsertCalls} calls, ${profile.rateLimited429} × 429)`,
      );
      line(`    lost ${profile.lost}, duplicates ${profile.duplicates}`);
    }
    line(
      `  naive create : ${sync.naive.contactsPerSecond} contacts/s (${sync.naive.contacts} in ${sync.naive.seconds} s, ${sync.naive.rateLimited429} × 429)`,
    );
    line(`  ratio        : ${sync.ratio}× (batch / naive)`);
    results.sync = sync;
  }

  if (part.startsWith("many-")) {
    const runs = {
      "many-sqlite": { provider: "sqlite", workers: 1, title: "SQLite, 1 worker (in-process)", limitSeconds: 100, goal: 10_000 },
      "many-pg1": { provider: "postgresql", workers: 1, title: "PostgreSQL, 1 worker process", limitSeconds: 60, goal: undefined },
      "many-pg2": { provider: "postgresql", workers: 2, title: "PostgreSQL, 2 worker processes", limitSeconds: 60, goal: undefined },
    } as const;
    const run = runs[part as keyof typeof runs];
    if (part === "many-sqlite")
      line(
        `\n(b) sync across ${MANY_PORTALS} portals — ${MANY_PER_PORTAL} signups each, arriving interleaved; simulator (own process) limit 110 req / 10 s per portal`,
      );
    const result = await benchManyPortals({
      provider: run.provider,
      workers: run.workers,
      portals: MANY_PORTALS,
      perPortal: MANY_PER_PORTAL,
      limitSeconds: run.limitSeconds,
    });
    printMany(run.title, result, run.goal);
    results[part] = result;
  }

  if (isSmallTenantsPart(part)) results[part] = await benchSmallTenants(part, line);

  if (part === "intake") {
    line(`\n(c) intake — POST /api/subscribe/{tenant}, ${INTAKE_CONCURRENCY} concurrent clients, ${INTAKE_SECONDS} s, SQLite`);
    const intake = await benchIntake(INTAKE_SECONDS * 1000, INTAKE_CONCURRENCY);
    printIntake("SQLite in WAL mode with synchronous=NORMAL (the app's settings), both servers", intake);
    results.intake = intake;
  }

  if (part === "backlog") {
    line(
      `\n(d) intake with 0 vs ${WAITING_SIGNUPS.toLocaleString("en-US")} waiting signups of 1,000 unconnected tenants — npm start, sync in-process, one tenant connected and syncing`,
    );
    const backlog = await benchIntakeWithBacklog(INTAKE_SECONDS * 1000, INTAKE_CONCURRENCY, WAITING_SIGNUPS);
    line(
      `  both servers side by side, loaded in turns: ${backlog.empty.slices.length} slices of ${backlog.sliceSeconds} s each, the median slice shown`,
    );
    for (const run of [backlog.empty, backlog.backlog]) {
      line(
        `  ${run.waiting.toLocaleString("en-US").padStart(9)} waiting: ${run.load.perSecond} signups/s, p50 ${run.load.p50Ms} ms, p99 ${run.load.p99Ms} ms (slices: ${run.slices.map((slice) => slice.perSecond).join(", ")}/s); idle server CPU ${run.idleCpuPercent} % of a core${run.waiting ? ` (fixture ${run.fixtureSeconds} s)` : ""}`,
      );
    }
    line(
      `  ratio ${backlog.throughputRatio} (goal ≥ 0.9: ${backlog.throughputRatio >= 0.9 ? "met" : "NOT met"}), p99 ×${backlog.p99Ratio} (goal ≤ 1.5: ${backlog.p99Ratio <= 1.5 ? "met" : "NOT met"})`,
    );
    results.intakeWithBacklog = backlog;
  }

  if (part === "page") {
    line(
      `\n(e) dashboards — GET over HTTP with a session, 2 concurrent clients, 0 vs ${PAGE_ROWS.toLocaleString("en-US")} signups in the tenant`,
    );
    const page = await benchSignupsPage(PAGE_ROWS, 5_000);
    printPage("empty tenant", page.empty);
    printPage(`${PAGE_ROWS.toLocaleString("en-US")} rows`, page.million);
    line(
      `  signups page p95 ×${page.p95Ratio} of the empty page (goal ≤ 1.5: ${page.p95Ratio <= 1.5 ? "met" : "NOT met"}); fixture ${page.fixtureSeconds} s`,
    );
    line(
      `  CSV export: ${page.csv.rows.toLocaleString("en-US")} rows, ${page.csv.megabytes} MB in ${page.csv.seconds} s (first byte after ${page.csv.firstByteMs} ms)`,
    );
    results.signupsPage = page;
  }

  if (part === "api") {
    line(`\n(f) host API — ${INTAKE_CONCURRENCY} concurrent clients, ${API_SECONDS} s each, production server, SQLite`);
    const api = await benchHostApi(API_SECONDS * 1000, INTAKE_CONCURRENCY, WEBHOOK_EVENTS);
    line(
      `  access-token : ${api.accessToken.perSecond} calls/s, p50 ${api.accessToken.p50Ms} ms, p99 ${api.accessToken.p99Ms} ms (warm token; statuses ${JSON.stringify(api.accessToken.statusCounts)})`,
    );
    line(
      `  whoami       : ${api.whoami.perSecond} calls/s, p50 ${api.whoami.p50Ms} ms, p99 ${api.whoami.p99Ms} ms (trivial authenticated call, same server)`,
    );
    line(
      `  connection   : ${api.connectionRead.perSecond} calls/s, p50 ${api.connectionRead.p50Ms} ms, p99 ${api.connectionRead.p99Ms} ms (GET one connection: whoami plus one read)`,
    );
    line(`  ratio        : ${api.ratio} access-token / whoami (goal ≥ 0.8: ${api.ratio >= 0.8 ? "met" : "NOT met"})`);
    line(`(g) webhooks — ${api.webhooks.events} events, ${api.webhooks.concurrency} at a time, local receiver`);
    line(`  delivered    : ${api.webhooks.deliveredPerSecond} deliveries/s (signed, claimed, logged)`);
    line(`  bare POSTs   : ${api.webhooks.barePostsPerSecond} posts/s to the same receiver`);
    line(`  ratio        : ${api.webhooks.ratio} (worker / bare loop)`);
    results.hostApi = api;
  }

  writeFileSync(out, JSON.stringify(results));
}

function printScaling(results: Record<string, unknown>): void {
  const one = results["many-pg1"] as ManyPortalsResult | undefined;
  const two = results["many-pg2"] as ManyPortalsResult | undefined;
  if (!one || !two) return;
  const scaling = Math.round((two.steadyContactsPerSecond / Math.max(one.steadyContactsPerSecond, 0.001)) * 100) / 100;
  results.postgresScaling = scaling;
  line(`  PostgreSQL 1 → 2 workers (first-to-last-contact rates): ${scaling}× (goal ≥ 1.7×: ${scaling >= 1.7 ? "met" : "NOT met"})`);
}

function printSmallCpuRatios(results: Record<string, unknown>): void {
  const ratios = postgresCpuRatios(results);
  results.smallPostgresCpuRatios = ratios;
  for (const { shape, ratio } of ratios)
    line(
      `  PostgreSQL 2 workers / 1, CPU per contact (workers + database), ${shape}: ${ratio}× (goal ≤ 1.1×: ${ratio <= 1.1 ? "met" : "NOT met"})`,
    );
}

function printMany(title: string, result: ManyPortalsResult, goal?: number): void {
  line(
    `  ${title.padEnd(31)}: ${result.contactsPerSecond} contacts/s overall, ${result.steadyContactsPerSecond}/s from first to last contact (${result.synced}/${result.signups} in ${result.seconds} s), ${result.contactsPerCall} contacts per call, ${result.rateLimited429} × 429`,
  );
  line(
    `  ${"".padEnd(31)}  CPU per contact: worker ${result.workerCpuMsPerContact} ms, simulator ${result.simulatorCpuMsPerContact} ms${result.databaseCpuMsPerContact === null ? "" : `, PostgreSQL ${result.databaseCpuMsPerContact} ms`}${result.eventLoopDelayMs ? `; event-loop delay in the worker's process p99 ${result.eventLoopDelayMs.p99} ms, max ${result.eventLoopDelayMs.max} ms` : ""}`,
  );
  line(
    `  ${"".padEnd(31)}  first contact per portal: median ${result.firstContactSeconds.median} s, last ${result.firstContactSeconds.last} s; lost ${result.lost}, duplicates ${result.duplicates}${goal ? `; goal ≥ ${goal.toLocaleString("en-US")}/s: ${result.steadyContactsPerSecond >= goal ? "met" : "NOT met"}` : ""}`,
  );
}

function printPage(title: string, timings: PageTimings): void {
  const cell = (name: string, load: PageTimings["signups"]) => `${name} p50 ${load.p50Ms} / p95 ${load.p95Ms} ms`;
  line(
    `  ${title.padEnd(15)}: ${cell("signups", timings.signups)}; ${cell("failed filter", timings.signupsFiltered)}; ${cell("search", timings.signupsSearch)}; ${cell("integrations", timings.integrations)}`,
  );
}

function printIntake(title: string, intake: IntakeBenchResult): void {
  line(`  ${title}`);
  const met = intake.app.perSecond >= 1_000 && intake.app.p99Ms < 100;
  line(
    `    npm start    : ${intake.app.perSecond} signups/s, p50 ${intake.app.p50Ms} ms, p99 ${intake.app.p99Ms} ms (${intake.app.storedRows} rows stored, statuses ${JSON.stringify(intake.app.statusCounts)}; build ${intake.build})`,
  );
  line(`                   target ≥ 1,000 signups/s with p99 < 100 ms: ${met ? "met" : "NOT met"}`);
  line(
    `    via Next     : ${intake.throughNext.perSecond} signups/s, p50 ${intake.throughNext.p50Ms} ms, p99 ${intake.throughNext.p99Ms} ms (INTAKE_DIRECT_PATH=false: the same handler behind Next's router, as under plain next start)`,
  );
  if (intake.nextFloor)
    line(
      `    Next floor   : ${intake.nextFloor.perSecond} req/s, p50 ${intake.nextFloor.p50Ms} ms, p99 ${intake.nextFloor.p99Ms} ms (GET /api/health through Next, one trivial query)`,
    );
  line(
    `    node:http ref: ${intake.reference.perSecond} signups/s, p50 ${intake.reference.p50Ms} ms, p99 ${intake.reference.p99Ms} ms (${intake.reference.storedRows} rows stored)`,
  );
  line(`    ratio        : ${intake.ratio} (app / reference)`);
}

// The simulator engineer's own throughput bench, when the project has one.
function runSimulatorBench(): { ran: boolean; exitCode?: number | null; output?: string } {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts["bench:sim"]) return { ran: false };
  line("\n(f) npm run bench:sim");
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
