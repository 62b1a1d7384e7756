/**
 * `npm run bench:import`: generates a large synthetic sample (default 85,000 cells, about 8.8
 * million synapses), imports it with `connectome-chat import` in a child process, and prints rows/s,
 * wall time, peak memory and database bytes per synapse, beside the time of sqlite3's own
 * `.import` of the same synapse CSV measured in the same run.
 *
 *   npm run bench:import -- [--cells N] [--data DIR]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { measured } from "./measure.js";

const { values } = parseArgs({ options: { cells: { type: "string", default: "85000" }, data: { type: "string" } } });
const cli = join(PROJECT_ROOT, "dist/src/cli/main.js");
const work = join(tmpdir(), "cc-bench-import");

function ensureSqlite3(): void {
  if (spawnSync("sqlite3", ["--version"]).status === 0) return;
  console.error("installing Debian's sqlite3 for the comparison …");
  execFileSync("bash", ["-c", "apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null"], { stdio: "inherit" });
}

const data = values.data ?? join(work, `sample-${values.cells}`);
if (!values.data && !existsSync(join(data, "synapses_pni_2.csv"))) {
  console.error(`writing a ${Number(values.cells).toLocaleString("en-US")}-cell sample to ${data} …`);
  execFileSync(
    process.execPath,
    [cli, "sample", "--out", data, "--cells", String(values.cells), "--seed", "42", "--synapses-per-neuron", "100"],
    { stdio: "inherit" },
  );
}
const synapseCsv = join(data, "synapses_pni_2.csv");
const db = join(work, "bench.db");
rmSync(db, { force: true });

console.error("importing with connectome-chat …");
const ours = await measured(process.execPath, [cli, "import", data, "--db", db]);
const info = JSON.parse(execFileSync(process.execPath, [cli, "info", "--db", db, "--json"], { encoding: "utf8" }));
const synapses: number = info.tables.synapses_pni_2.rows;
const allRows = Object.values(info.tables as Record<string, { rows: number }>).reduce((s, t) => s + (t.rows ?? 0), 0);
const bytes = statSync(db).size;

ensureSqlite3();
console.error("importing the synapse CSV alone with sqlite3 .import …");
const plain = join(work, "sqlite3-import.db");
rmSync(plain, { force: true });
const theirs = await measured("sqlite3", [plain, ".import --csv " + synapseCsv + " synapses"]);

const rows = [
  [
    "connectome-chat import (all tables, indexes, summaries)",
    allRows,
    ours.seconds,
    allRows / ours.seconds,
    ours.peakMb,
    bytes / synapses,
  ],
  [
    "sqlite3 .import of synapses_pni_2.csv alone",
    synapses,
    theirs.seconds,
    synapses / theirs.seconds,
    theirs.peakMb,
    statSync(plain).size / synapses,
  ],
] as const;
console.log(
  `\n${synapses.toLocaleString("en-US")} valid synapses (${(statSync(synapseCsv).size / 1e9).toFixed(2)} GB of CSV), ${allRows.toLocaleString("en-US")} rows in all tables\n`,
);
const header = ["", "rows", "wall s", "rows/s", "peak MB", "db bytes/synapse"];
const table = [
  header,
  ...rows.map((r) => [
    r[0],
    r[1].toLocaleString("en-US"),
    r[2].toFixed(1),
    Math.round(r[3]).toLocaleString("en-US"),
    r[4].toFixed(0),
    r[5].toFixed(1),
  ]),
];
const widths = header.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
table.forEach((r, k) => {
  console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  "));
  if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
});
console.log(
  `\nwhole import / sqlite3 .import of the synapse CSV: ${(ours.seconds / theirs.seconds).toFixed(2)}x the time`,
);
