/**
 * `node dist/test/bench/like-to-like-bench.js [--neurons 10000] [--within 200000,2000000] [--outside 50] [--runs 3]`
 *
 * Times the like-to-like computation (connection probability by orientation difference among the
 * functionally matched neurons, 22.5° bins) as compiled for "like-to-like among the matched
 * neurons", on synthetic stores: N matched neurons (N·(N − 1) ordered pairs) with random preferred
 * orientations, `within` connections among them, and `outside` connections from each to unmatched
 * roots (read and discarded by the query, as most of a real neuron's outputs are). Prints a table.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { QueryPlan } from "../../src/planning/plan.js";
import { Vocabulary } from "../../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR } from "../../src/project-root.js";
import { readCatalog } from "../../src/querying/catalog.js";
import { compilePlan } from "../../src/querying/compile/index.js";
import { mulberry32 } from "../../src/sample/random.js";

const { values } = parseArgs({
  options: {
    neurons: { type: "string", default: "10000" },
    within: { type: "string", default: "200000,2000000" },
    outside: { type: "string", default: "50" },
    background: { type: "string", default: "5000000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
    keep: { type: "string" },
  },
});

const ROOT = 864691135000000000n;
/** Matched neurons' root ids are spread among the others' (every 64th id), as ids are in a real table. */
const SPREAD = 64;
const matchedRoot = (i: number) => ROOT + BigInt(i * SPREAD);
const otherRoot = (u: number) => ROOT + BigInt(u * SPREAD + 1 + (u % (SPREAD - 1)));

/** A store with the two tables the computation reads, built as the importer builds them. */
function buildStore(
  file: string,
  neurons: number,
  within: number,
  outside: number,
  background: number,
  seed: number,
): number {
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec(`CREATE TABLE cell_tuning (target_id INTEGER PRIMARY KEY, pt_root_id INTEGER,
      pref_ori REAL, pref_dir REAL, osi REAL, dsi REAL, cc REAL, session INTEGER, scan_idx INTEGER, unit_id INTEGER,
      n_scans INTEGER NOT NULL, source_table TEXT NOT NULL) STRICT;
    CREATE TABLE nucleus (id INTEGER PRIMARY KEY, volume REAL, pt_supervoxel_id INTEGER, pt_root_id INTEGER,
      pt_position_x INTEGER, pt_position_y INTEGER, pt_position_z INTEGER);
    CREATE TABLE connection (pre_pt_root_id INTEGER NOT NULL, post_pt_root_id INTEGER NOT NULL,
      n_syn INTEGER NOT NULL, sum_size INTEGER, PRIMARY KEY (pre_pt_root_id, post_pt_root_id)) STRICT, WITHOUT ROWID;`);
  const rnd = mulberry32(seed);
  const tuning = db.prepare(
    "INSERT INTO cell_tuning VALUES (?, ?, ?, ?, 0.3, 0.1, ?, 1, 1, ?, 1, " + "'functional_properties_v3_bcm')",
  );
  const pairs = new Map<string, number>();
  // (b < 0: an unmatched root, −1 − u.)
  const key = (a: number, b: number) => `${a} ${b}`;
  while (pairs.size < within) {
    const a = Math.floor(rnd() * neurons);
    const b = Math.floor(rnd() * neurons);
    if (a !== b) pairs.set(key(a, b), 1 + Math.floor(rnd() * 3));
  }
  // Each matched neuron's outputs onto unmatched roots (ids past the matched ones).
  for (let a = 0; a < neurons; a++) {
    for (let k = 0; k < outside; k++) pairs.set(key(a, -1 - Math.floor(rnd() * neurons * 20)), 1);
  }
  const rootOf = (n: number) => (n < 0 ? otherRoot(-1 - n) : matchedRoot(n));
  const sorted = [...pairs.entries()]
    .map(([k, n]) => {
      const [a, b] = k.split(" ").map(Number) as [number, number];
      return [rootOf(a), rootOf(b), n] as const;
    })
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const conn = db.prepare("INSERT INTO connection VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    // Every matched neuron has a nucleus, among ten times as many nuclei (as in MICrONS).
    const nucleus = db.prepare("INSERT INTO nucleus VALUES (?, 300, 0, ?, 0, 0, 0)");
    for (let i = 0; i < neurons * 10; i++) nucleus.run(i + 1, i < neurons ? matchedRoot(i) : otherRoot(i));
    for (let i = 0; i < neurons; i++) {
      const ori = rnd() * Math.PI;
      tuning.run(i + 1, matchedRoot(i), ori, ori + (rnd() < 0.5 ? 0 : Math.PI), rnd(), i);
    }
    for (const [a, b, n] of sorted) conn.run(a, b, n, n * 1000);
    // Connections between other roots: never read by the query, but they make the table its size.
    db.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
      INSERT OR IGNORE INTO connection SELECT ? + ((abs(random()) % ?) | 1), ? + abs(random()) % ?, 1, 1000 FROM k`,
    ).run(background, ROOT, neurons * 20 * SPREAD, ROOT, neurons * 20 * SPREAD);
  })();
  db.exec(`CREATE INDEX cell_tuning_by_root ON cell_tuning (pt_root_id);
    CREATE INDEX nucleus_root ON nucleus (pt_root_id);
    CREATE INDEX connection_by_post ON connection (post_pt_root_id, pre_pt_root_id, n_syn, sum_size); ANALYZE;`);
  const total = Number(db.prepare("SELECT count(*) FROM connection").pluck().get());
  db.close();
  return total;
}

function countConnections(file: string): number {
  const db = new Database(file, { readonly: true });
  const n = Number(db.prepare("SELECT count(*) FROM connection").pluck().get());
  db.close();
  return n;
}

async function main(): Promise<void> {
  if (values.keep) mkdirSync(values.keep, { recursive: true });
  const neurons = Number(values.neurons);
  const runs = Number(values.runs);
  const vocabulary = Vocabulary.load(join(DATA_DIR, "vocabulary.json"));
  const plan = QueryPlan.parse({
    kind: "query",
    source: "connections",
    pre: [{ dim: "tuned", is: true }],
    post: [{ dim: "tuned", is: true }],
    measure: { fn: "probability" },
    groupBy: [{ dim: "ori_difference" }],
  });
  const rows: string[][] = [];
  for (const within of values.within.split(",").map(Number)) {
    // (--keep DIR: stores are kept there and reused by the next run with the same sizes.)
    const dir = values.keep ?? mkdtempSync(join(tmpdir(), "cc-l2l-bench-"));
    const file = join(dir, `store-${neurons}-${within}-${values.outside}-${values.background}.db`);
    const built = performance.now();
    const total = existsSync(file)
      ? countConnections(file)
      : buildStore(file, neurons, within, Number(values.outside), Number(values.background), Number(values.seed));
    const buildS = (performance.now() - built) / 1000;
    const compiled = compilePlan({ catalog: readCatalog(file), vocabulary }, plan);
    const db = new Database(file, { readonly: true });
    const stmt = db.prepare(compiled.statements[0]!.sql);
    const times: number[] = [];
    let connected = 0;
    let possible = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const result = stmt.raw(true).all(...compiled.statements[0]!.params) as number[][];
      times.push((performance.now() - t) / 1000);
      possible = result.reduce((s, x) => s + Number(x[2]), 0);
      connected = result.reduce((s, x) => s + Number(x[3]), 0);
    }
    db.close();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    if (connected !== within || possible !== neurons * (neurons - 1)) {
      throw new Error(`wrong counts: ${connected} connected (want ${within}), ${possible} possible`);
    }
    const sortedTimes = [...times].sort((a, b) => a - b);
    rows.push([
      neurons.toLocaleString("en-US"),
      possible.toLocaleString("en-US"),
      within.toLocaleString("en-US"),
      total.toLocaleString("en-US"),
      times.map((t) => t.toFixed(2)).join(", "),
      sortedTimes[Math.floor(runs / 2)]!.toFixed(2),
      buildS.toFixed(0),
    ]);
  }
  console.log(
    "| matched neurons | ordered pairs | connections among them | connections in the store | runs (s) " +
      "| median (s) | store built (s) |",
  );
  console.log("|---:|---:|---:|---:|---|---:|---:|");
  for (const r of rows) console.log(`| ${r.join(" | ")} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
