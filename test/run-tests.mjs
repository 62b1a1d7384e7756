// Runs the whole test suite and ends with the one line CI reads: "N passed, M failed".
// The figures come from vitest's JSON reporter, not from its console summary.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const results = fileURLToPath(new URL("../.vitest-results.json", import.meta.url));
rmSync(results, { force: true });

const vitest = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs", "run",
    "--config", "test/vitest.config.ts",
    "--reporter=default", "--reporter=json", `--outputFile.json=${results}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);

if (!existsSync(results)) {
  console.error(`vitest wrote no results (exit ${vitest.status ?? vitest.signal})`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const report = JSON.parse(readFileSync(results, "utf8"));
const passed = report.numPassedTests ?? 0;
// A test file that fails to load counts as a failure even though it ran no test.
const failed = (report.numFailedTests ?? 0) + (report.testResults ?? []).filter(
  (file) => file.status === "failed" && (file.assertionResults ?? []).length === 0,
).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && vitest.status === 0 ? 0 : 1);
