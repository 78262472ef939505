// `npm test`: the whole suite in the order that fails fastest — lint, formatting, type-check, unit and
// integration tests (SQLite and PostgreSQL), then the browser tests. Ends with one line
// "tests: N passed, N failed" summing the Vitest and Playwright results.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBrowser } from "./lib/ensure-browser";
import { run } from "./lib/run";

type Counts = { passed: number; failed: number };

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

/** The runner's counts, with at least one failure whenever the runner itself exited non-zero
 * (an unhandled error or a crashed web server fails no test but must still fail the suite). */
function readCounts(read: (file: string) => Counts, file: string, exitCode: number): Counts {
  let counts: Counts;
  try {
    counts = read(file);
  } catch {
    counts = { passed: 0, failed: 0 }; // no report: the runner itself failed
  }
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

async function main(): Promise<void> {
  const reports = mkdtempSync(join(tmpdir(), "switchboard-test-reports-"));
  const vitestReport = join(reports, "vitest.json");
  const playwrightReport = join(reports, "playwright.json");
  let failedSteps = 0;

  for (const [name, args] of [
    ["lint", ["run", "lint"]],
    ["format", ["run", "format:check"]],
    ["typecheck", ["run", "typecheck"]],
  ] as const) {
    if ((await run("npm", [...args])) === 0) continue;
    failedSteps++;
    console.error(`\n${name} failed`);
  }

  const vitestExit = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  const unit = readCounts(vitestCounts, vitestReport, vitestExit);

  await ensureBrowser();
  const playwrightExit = await run("npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    E2E_FULL_RUN: "1",
  });
  const e2e = readCounts(playwrightCounts, playwrightReport, playwrightExit);

  const passed = unit.passed + e2e.passed;
  const failed = unit.failed + e2e.failed + failedSteps;
  console.log(
    `\nunit+integration: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed; lint/typecheck failures: ${failedSteps}`,
  );
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

void main();
