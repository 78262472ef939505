// `npm test`: the whole suite in the order that fails fastest — lint, type-check, unit and
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

function readCounts(read: (file: string) => Counts, file: string): Counts {
  try {
    return read(file);
  } catch {
    return { passed: 0, failed: 1 }; // no report means the runner itself failed
  }
}

async function main(): Promise<void> {
  const reports = mkdtempSync(join(tmpdir(), "switchboard-test-reports-"));
  const vitestReport = join(reports, "vitest.json");
  const playwrightReport = join(reports, "playwright.json");
  let failedSteps = 0;

  for (const [name, args] of [["lint", ["run", "lint"]], ["typecheck", ["run", "typecheck"]]] as const) {
    if ((await run("npm", [...args])) === 0) continue;
    failedSteps++;
    console.error(`\n${name} failed`);
  }

  await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  const unit = readCounts(vitestCounts, vitestReport);

  await ensureBrowser();
  await run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const e2e = readCounts(playwrightCounts, playwrightReport);

  const passed = unit.passed + e2e.passed;
  const failed = unit.failed + e2e.failed + failedSteps;
  console.log(`\nunit+integration: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed; lint/typecheck failures: ${failedSteps}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

void main();
