/**
 * `npm run bench:ask`: answer latency per question category on a store of at least 5 million
 * synapses, in-process (p50, p95 over repeated runs) and as a whole `ask` process.
 *
 *   npm run bench:ask -- [--db FILE] [--cells N] [--runs R]
 *
 * Without --db it writes a synthetic sample (default 85,000 cells, about 5 million synapses) with
 * the project's own generator and imports it, unless that store already exists in the temp folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { pickIds, questionCategories } from "./bench-questions.js";
import { percentile } from "./measure.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    cells: { type: "string", default: "85000" },
    runs: { type: "string", default: "20" },
  },
});
const runs = Number(values.runs);

async function store(): Promise<string> {
  if (values.db) return values.db;
  const cells = Number(values.cells);
  const dir = join(tmpdir(), `cc-bench-${cells}`);
  const db = join(tmpdir(), `cc-bench-${cells}.db`);
  if (existsSync(db)) return db;
  const { writeSample } = await import("../../src/sample/index.js");
  const { importTables } = await import("../../src/store/import/importer.js");
  console.error(`writing a ${cells.toLocaleString("en-US")}-cell sample to ${dir} …`);
  await writeSample({ out: dir, cells, seed: 42, synapsesPerNeuron: 100 });
  console.error(`importing into ${db} …`);
  await importTables({ paths: [dir], db });
  return db;
}

const db = await store();
const ids = pickIds(db);
const categories = questionCategories(ids);

/** One chart question per kind; the render step (vega-lite → SVG → PNG) is timed apart from the whole answer. */
const chartQuestions: Record<string, string> = {
  histogram: "plot the synapse size distribution",
  bar: "bar chart of the number of cells per cell type",
  heatmap: "show a heatmap of synapse counts between cell types",
  scatter: "scatter plot of the soma positions of basket and Martinotti cells",
  box: "box plot of synapse size by presynaptic cell type",
};

const chat = await ConnectomeChat.open({ dbPath: db, workers: 2, plotDir: join(tmpdir(), "cc-bench-plots") });
let peakRss = process.memoryUsage().rss;
const rows: string[][] = [];
for (const [category, questions] of Object.entries(categories)) {
  const times: number[] = [];
  for (const q of questions) {
    const first = await chat.answer(q);
    if (first.status !== "answered")
      console.error(`  (${category}) not answered: ${q} → ${first.status}: ${first.text.split("\n")[0]}`);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await chat.answer(q);
      times.push(performance.now() - t);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  rows.push([
    category,
    String(questions.length),
    percentile(times, 50).toFixed(1),
    percentile(times, 95).toFixed(1),
    Math.max(...times).toFixed(1),
  ]);
}
const chartRows: string[][] = [];
for (const [kind, q] of Object.entries(chartQuestions)) {
  const first = await chat.answer(q);
  if (first.chart?.kind !== kind) {
    console.error(`  (chart ${kind}) no ${kind} chart: ${q} → ${first.status}: ${first.text.split("\n")[0]}`);
    chartRows.push([
      `chart: ${kind}`,
      "-",
      "-",
      "-",
      `${first.status} after ${first.timings.totalMs.toFixed(0)} ms`,
      "-",
    ]);
    continue;
  }
  const render: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < runs; i++) {
    const answer = await chat.answer(q);
    render.push(answer.timings.chartMs ?? NaN);
    whole.push(answer.timings.totalMs);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  chartRows.push([
    `chart: ${kind}`,
    String(first.table?.rows.length ?? 0),
    percentile(render, 50).toFixed(1),
    percentile(render, 95).toFixed(1),
    percentile(whole, 50).toFixed(1),
    percentile(whole, 95).toFixed(1),
  ]);
}
await chat.close();

// A whole `ask` process, as the command line and the scorer run it.
const bin = join(PROJECT_ROOT, "dist/src/cli/main.js");
const processTimes: number[] = [];
for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
  const t = performance.now();
  execFileSync(process.execPath, [bin, "ask", "--db", db, "--json", "How many basket cells are there?"], {
    stdio: "pipe",
  });
  processTimes.push(performance.now() - t);
}
// The command line renders in a fresh process: vega's modules load and its code is cold each time.
const chartProcessTimes: number[] = [];
for (let i = 0; i < Math.max(5, Math.floor(runs / 2)); i++) {
  const t = performance.now();
  execFileSync(
    process.execPath,
    [bin, "ask", "--db", db, "--json", "--plot-dir", join(tmpdir(), "cc-bench-plots"), chartQuestions.histogram!],
    { stdio: "pipe" },
  );
  chartProcessTimes.push(performance.now() - t);
}

console.log(
  `\nstore: ${db} (${Number(ids.synapses).toLocaleString("en-US")} synapses); ${runs} runs per question after one warm-up\n`,
);
const header = ["category", "questions", "p50 ms", "p95 ms", "max ms"];
const processRow = (name: string, times: number[]) => [
  name,
  "1",
  percentile(times, 50).toFixed(0),
  percentile(times, 95).toFixed(0),
  Math.max(...times).toFixed(0),
];
const table = [
  header,
  ...rows,
  processRow("whole ask process", processTimes),
  processRow("whole ask process, histogram", chartProcessTimes),
];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const [k, r] of table.entries()) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}

console.log("\nchart answers: render = vega-lite spec to SVG to PNG; whole = plan, query and render");
const chartHeader = ["chart", "table rows", "render p50 ms", "render p95 ms", "whole p50 ms", "whole p95 ms"];
const chartTable = [chartHeader, ...chartRows];
const chartWidths = chartHeader.map((_, i) => Math.max(...chartTable.map((r) => r[i]!.length)));
for (const [k, r] of chartTable.entries()) {
  console.log(r.map((c, i) => (i === 0 ? c.padEnd(chartWidths[i]!) : c.padStart(chartWidths[i]!))).join("  "));
  if (k === 0) console.log(chartWidths.map((w) => "-".repeat(w)).join("  "));
}
console.log(`\npeak memory (in-process): ${(peakRss / 1e6).toFixed(0)} MB`);
