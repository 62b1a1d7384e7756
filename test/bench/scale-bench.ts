/**
 * `npm run bench:scale`: the import at the public release's scale (issue 16). For each size it writes a
 * sample with the real table's shape (`sample --synapses N`: a fixed set of cells, and axon fragments
 * without a nucleus for the rest), imports it in a child process (wall time, peak memory from /proc),
 * times sqlite3's own `.import` of the same synapse CSV in the same run, and on the largest store times
 * answers in-process (p50/p95 per category). Not part of CI: 100M synapses need ~60 GB and ~40 minutes.
 *
 *   npm run bench:scale -- [--sizes 10M,40M,100M] [--cells 100000] [--work DIR] [--runs 10] [--keep]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statfsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { pickIds, questionCategories } from "./bench-questions.js";
import { measured, percentile, printTable, type Measured } from "./measure.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10M,40M,100M" },
    cells: { type: "string", default: "100000" },
    work: { type: "string", default: join(tmpdir(), "cc-bench-scale") },
    runs: { type: "string", default: "10" },
    keep: { type: "boolean", default: false },
  },
});

/** "10M", "2.5M", "500k" or a plain number. */
function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`--sizes: "${text}" is not a size (e.g. 10M, 500k, 2000000)`);
  const unit = m[2]!.toLowerCase() === "m" ? 1e6 : m[2]!.toLowerCase() === "k" ? 1e3 : 1;
  return Math.round(Number(m[1]) * unit);
}
const sizes = values.sizes
  .split(",")
  .map(parseSize)
  .sort((a, b) => a - b);
const cli = join(PROJECT_ROOT, "dist/src/cli/main.js");
const work = values.work;
mkdirSync(work, { recursive: true });

// Bytes per synapse measured at 10M and 40M synapses: CSV 184, store 140, sqlite3's all-TEXT table ~200;
// SQLite's sort files while the store's indexes are built (~40) are gone before sqlite3 runs. Sizes run
// one after the other, each one's files removed before the next; the largest store is kept for the answers.
const BYTES_PER_SYNAPSE = { csv: 190, store: 145, sqlite3OrSortFiles: 210 };
const perSynapse = Object.values(BYTES_PER_SYNAPSE).reduce((a, b) => a + b, 0);
const need = Math.max(...sizes) * perSynapse;
const free = (() => {
  const s = statfsSync(work);
  return s.bavail * s.bsize;
})();
const gb = (b: number) => `${(b / 1e9).toFixed(1)} GB`;
console.error(
  `disk: the largest size needs about ${gb(need)} in ${work} (${perSynapse} bytes a synapse); ` + `${gb(free)} free`,
);
if (free < need * 1.05) {
  console.error("not enough free disk: choose smaller --sizes or another --work folder");
  process.exit(2);
}

const sqlite3 = spawnSync("sqlite3", ["--version"]).status === 0;
if (!sqlite3) console.error("sqlite3 CLI not found: the baseline is better-sqlite3, one INSERT in one transaction");

/** The baseline: the synapse CSV alone into a plain table, with sqlite3 .import or (labelled) better-sqlite3. */
async function baseline(csv: string, db: string): Promise<Measured> {
  rmSync(db, { force: true });
  if (sqlite3) return measured("sqlite3", [db, `.import --csv ${csv} synapses`]);
  return measured(process.execPath, [join(PROJECT_ROOT, "dist/test/bench/plain-insert.js"), csv, db]);
}

interface Row {
  synapses: number;
  gen: Measured;
  ours: Measured;
  plain: Measured;
  dbBytes: number;
  csvBytes: number;
}
const results: Row[] = [];
let largest = "";
for (const size of sizes) {
  const data = join(work, `sample-${size}`);
  const csv = join(data, "synapses_pni_2.csv");
  console.error(`\n== ${size.toLocaleString("en-US")} synapses ==`);
  const args = [
    "sample",
    "--out",
    data,
    "--cells",
    values.cells,
    "--synapses-per-neuron",
    "20",
    "--synapses",
    String(size),
    "--seed",
    "42",
  ];
  const gen = existsSync(csv) ? { seconds: NaN, peakMb: NaN } : await measured(process.execPath, [cli, ...args]);
  const db = join(work, `scale-${size}.db`);
  rmSync(db, { force: true });
  console.error("importing with connectome-chat …");
  const ours = await measured(process.execPath, [cli, "import", data, "--db", db], join(work, `import-${size}.log`));
  const info = JSON.parse(execFileSync(process.execPath, [cli, "info", "--db", db, "--json"], { encoding: "utf8" }));
  const synapses: number = info.tables.synapses_pni_2.rows;
  console.error(`the synapse CSV alone with ${sqlite3 ? "sqlite3 .import" : "better-sqlite3 INSERT"} …`);
  const plainDb = join(work, "plain.db");
  const plain = await baseline(csv, plainDb);
  rmSync(plainDb, { force: true });
  results.push({ synapses, gen, ours, plain, dbBytes: statSync(db).size, csvBytes: statSync(csv).size });
  if (!values.keep) rmSync(data, { recursive: true, force: true });
  if (largest && !values.keep) rmSync(largest, { force: true });
  largest = db;
}

const runs = Number(values.runs);
const ids = pickIds(largest);
const chat = await ConnectomeChat.open({ dbPath: largest, workers: 2, plotDir: join(work, "plots") });
const latency: (string | number)[][] = [["category", "questions", "p50 ms", "p95 ms", "max ms"]];
for (const [category, questions] of Object.entries(questionCategories(ids))) {
  const times: number[] = [];
  for (const q of questions) {
    const first = await chat.answer(q);
    if (first.status !== "answered") console.error(`  (${category}) not answered: ${q} → ${first.status}`);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await chat.answer(q);
      times.push(performance.now() - t);
    }
  }
  latency.push([
    category,
    questions.length,
    percentile(times, 50).toFixed(1),
    percentile(times, 95).toFixed(1),
    Math.max(...times).toFixed(1),
  ]);
}
await chat.close();

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const baselineName = sqlite3 ? "sqlite3 .import" : "better-sqlite3 INSERT";
console.log(
  `\nimport at scale (cells ${n(Number(values.cells))}; baseline: ${baselineName}` +
    " of the synapse CSV alone, same run)\n",
);
printTable([
  [
    "synapses",
    "CSV GB",
    "gen s",
    "wall s",
    "rows/s",
    "peak MB",
    "db bytes/synapse",
    "baseline s",
    "ratio",
    "baseline peak MB",
  ],
  ...results.map((r) => [
    n(r.synapses),
    (r.csvBytes / 1e9).toFixed(2),
    r.gen.seconds.toFixed(0),
    r.ours.seconds.toFixed(1),
    n(r.synapses / r.ours.seconds),
    n(r.ours.peakMb),
    (r.dbBytes / r.synapses).toFixed(1),
    r.plain.seconds.toFixed(1),
    `${(r.ours.seconds / r.plain.seconds).toFixed(2)}x`,
    n(r.plain.peakMb),
  ]),
]);
console.log(`\nanswers in-process on ${largest} (${n(Number(ids.synapses))} synapses), ${runs} runs per question\n`);
printTable(latency);
