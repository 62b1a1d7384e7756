import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeometry } from "../src/answers/geometry.js";
import { QueryPlan } from "../src/planning/plan.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR, PROJECT_ROOT } from "../src/project-root.js";
import { readCatalog } from "../src/querying/catalog.js";
import { compilePlan, type CompileContext } from "../src/querying/compile/index.js";
import { importTables } from "../src/store/import/importer.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { loadRaw } from "./support/question-bench.js";

/*
 * Like-to-like connectivity against plain SQL over the raw exports of the shared generator, with
 * check.py's conventions: one tuning per nucleus (best cc_abs, the func_best view), the pair's
 * orientation difference folded to 0–90°, every ordered pair of distinct matched roots enumerated
 * by the gold (never by the program), at least one synapse pre → post for a connected pair.
 */
let ctx: CompileContext;
let store: Database.Database;
let raw: Database.Database;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "cc-l2l-"));
  const dir = join(root, "export");
  execFileSync(
    "python3",
    [join(PROJECT_ROOT, "..", "shared", "eval", "make_cave_export.py"), dir, "--cells", "2000", "--seed", "7"],
    { stdio: "pipe" },
  );
  await importTables({ paths: [dir], db: join(root, "store.db") });
  raw = loadRaw(dir);
  store = new Database(join(root, "store.db"), { readonly: true });
  ctx = {
    catalog: readCatalog(join(root, "store.db")),
    vocabulary: Vocabulary.load(join(DATA_DIR, "vocabulary.json")),
    geometry: loadGeometry(),
  };
}, 120_000);

afterAll(() => {
  store?.close();
  raw?.close();
});

/** Plain SQL: every ordered pair of distinct matched roots of the two populations, binned, joined to synapses. */
function gold(width: number, pre = "1", post = "1"): number[][] {
  const last = Math.ceil(90 / width) - 1;
  return (
    raw
      .prepare(
        `
    WITH t AS (SELECT DISTINCT pt_root_id AS r, pref_ori * 180 / 3.141592653589793 AS x FROM func_best f
        WHERE pt_root_id != 0 AND cc_abs = (SELECT max(cc_abs) FROM func_best g WHERE g.pt_root_id = f.pt_root_id)),
      a AS (SELECT * FROM t WHERE ${pre}), b AS (SELECT * FROM t WHERE ${post}),
      pairs AS (SELECT a.r AS ra, b.r AS rb, min(abs(a.x - b.x), 180 - abs(a.x - b.x)) AS d FROM a JOIN b ON a.r != b.r),
      n AS (SELECT pre_pt_root_id AS p, post_pt_root_id AS q, count(*) AS k FROM syn GROUP BY 1, 2)
    SELECT min(CAST(d / ${width} AS INTEGER), ${last}) AS j, count(*), count(n.k), coalesce(sum(n.k), 0)
    FROM pairs LEFT JOIN n ON n.p = ra AND n.q = rb GROUP BY j ORDER BY j`,
      )
      .raw(true)
      .all() as (number | bigint)[][]
  ).map((r) => r.map(Number));
}

/** Plain SQL per area: both roots in the area (within), or the presynaptic root's area (pre). */
function goldByArea(width: number, mode: "within" | "pre"): (string | number)[][] {
  const last = Math.ceil(90 / width) - 1;
  const other = mode === "within" ? "JOIN ga b ON b.g = a.g" : "JOIN t b ON 1";
  return (
    raw
      .prepare(
        `
    WITH t AS (SELECT DISTINCT pt_root_id AS r, pref_ori * 180 / 3.141592653589793 AS x FROM func_best f
        WHERE pt_root_id != 0 AND cc_abs = (SELECT max(cc_abs) FROM func_best g WHERE g.pt_root_id = f.pt_root_id)),
      ga AS (SELECT DISTINCT t.r, t.x, ar.tag AS g FROM t JOIN area ar ON ar.pt_root_id = t.r),
      pairs AS (SELECT a.g AS g, a.r AS ra, b.r AS rb, min(abs(a.x - b.x), 180 - abs(a.x - b.x)) AS d
        FROM ga a ${other} WHERE a.r != b.r),
      n AS (SELECT pre_pt_root_id AS p, post_pt_root_id AS q, count(*) AS k FROM syn GROUP BY 1, 2)
    SELECT g, min(CAST(d / ${width} AS INTEGER), ${last}) AS j, count(*), count(n.k), coalesce(sum(n.k), 0)
    FROM pairs LEFT JOIN n ON n.p = ra AND n.q = rb GROUP BY g, j ORDER BY g, j`,
      )
      .raw(true)
      .all() as unknown[][]
  ).map((r) => [String(r[0]), ...r.slice(1).map(Number)]);
}

function run(plan: object) {
  const compiled = compilePlan(
    ctx,
    QueryPlan.parse({ kind: "query", source: "connections", measure: { fn: "probability" }, ...plan }),
  );
  const s = compiled.statements[0]!;
  const stmt = store.prepare(s.sql);
  const result = {
    columns: stmt.columns().map((c) => c.name),
    rows: stmt.raw(true).all(...s.params) as (number | null)[][],
    truncated: false,
  };
  return { compiled, presentation: compiled.present([result]) };
}

/** Every statement of a plan, run on the store (the like-to-like table, then a test's rows). */
function runAll(plan: object) {
  const parsed = QueryPlan.parse({ kind: "query", source: "connections", measure: { fn: "probability" }, ...plan });
  const compiled = compilePlan(ctx, parsed);
  const results = compiled.statements.map((s) => {
    const stmt = store.prepare(s.sql);
    const rows = (stmt.raw(true).all(...s.params) as unknown[][]).map((r) =>
      r.map((v) => (typeof v === "bigint" ? String(v) : v)),
    );
    return { columns: stmt.columns().map((c) => c.name), rows: rows as (number | null)[][], truncated: false };
  });
  return { compiled, presentation: compiled.present(results) };
}

const col = (table: { columns: string[]; rows: unknown[][] }, name: string) =>
  table.rows.map((r) => r[table.columns.indexOf(name)]);
const matched = [{ dim: "tuned", is: true }];

describe("like-to-like connection probability", () => {
  it("counts possible and connected pairs and synapses per bin exactly, as plain SQL over every pair", () => {
    const { presentation: p } = run({ pre: matched, post: matched, groupBy: [{ dim: "ori_difference" }] });
    const g = gold(22.5);
    expect(g.length).toBe(4);
    expect(col(p.table, "ori_difference")).toEqual([0, 22.5, 45, 67.5]);
    expect(col(p.table, "possible_pairs")).toEqual(g.map((r) => r[1]));
    expect(col(p.table, "connected_pairs")).toEqual(g.map((r) => r[2]));
    expect(col(p.table, "synapses")).toEqual(g.map((r) => r[3]));
    // The generator wires like to like: the most similar bin connects more often than the most different.
    const pr = col(p.table, "connection_probability") as number[];
    expect(pr[0]!).toBeGreaterThan(2 * pr[3]!);
  });

  it("restricts either side by type or area, with another bin width (the last bin runs to 90°)", () => {
    const { presentation: p } = run({
      pre: [{ dim: "cell_type", values: ["23P"] }],
      post: [{ dim: "area", values: ["V1"] }],
      groupBy: [{ dim: "ori_difference", width: 20 }],
    });
    const g = gold(
      20,
      "r IN (SELECT pt_root_id FROM root_type WHERE cell_type = '23P')",
      "r IN (SELECT pt_root_id FROM area WHERE tag = 'V1')",
    );
    expect(col(p.table, "bin_end")).toEqual([20, 40, 60, 80, 90]);
    expect(col(p.table, "possible_pairs")).toEqual(g.map((r) => r[1]));
    expect(col(p.table, "connected_pairs")).toEqual(g.map((r) => r[2]));
  });

  it("per area, counts the pairs within each area, or by the presynaptic root's area, as plain SQL", () => {
    for (const mode of ["within", "pre"] as const) {
      const area = mode === "within" ? { dim: "area" } : { dim: "area", side: "pre" };
      const { presentation: p } = run({ pre: matched, post: matched, groupBy: [area, { dim: "ori_difference" }] });
      const key = mode === "within" ? "area" : "pre_area";
      const g = goldByArea(22.5, mode);
      expect(g.length).toBeGreaterThan(8);
      const got = p.table.rows.map((r) => [
        r[p.table.columns.indexOf(key)],
        ...["possible_pairs", "connected_pairs", "synapses"].map((c) => Number(r[p.table.columns.indexOf(c)])),
      ]);
      // (A bin with no possible pairs has no row in the gold.)
      expect(got.filter((r) => r[1] !== 0)).toEqual(g.map((r) => [r[0], r[2], r[3], r[4]]));
    }
  });

  it("runs a permutation test on request: the observed mean difference as plain SQL, p and permutations named", () => {
    const { presentation: p, compiled } = runAll({
      pre: matched,
      post: matched,
      groupBy: [{ dim: "ori_difference" }],
      test: { kind: "permutation", permutations: 500 },
    });
    const mean = Number(
      raw
        .prepare(
          `
      WITH t AS (SELECT DISTINCT pt_root_id AS r, pref_ori * 180 / 3.141592653589793 AS x FROM func_best f
          WHERE pt_root_id != 0 AND cc_abs = (SELECT max(cc_abs) FROM func_best g WHERE g.pt_root_id = f.pt_root_id)),
        c AS (SELECT DISTINCT pre_pt_root_id AS p, post_pt_root_id AS q FROM syn
          WHERE pre_pt_root_id != post_pt_root_id)
      SELECT avg(min(abs(a.x - b.x), 180 - abs(a.x - b.x)))
      FROM c JOIN t a ON a.r = c.p JOIN t b ON b.r = c.q`,
        )
        .pluck()
        .get(),
    );
    expect(p.headline).toContain(`differ by ${mean.toFixed(1)}° on average`);
    expect(p.headline).toMatch(/Permutation test \(500 random permutations .* one-sided p = /);
    expect(p.headline).not.toMatch(/no significance test was run/);
    expect(compiled.reading).toMatch(/with a permutation test \(500 random permutations/);
  });

  it("gives each bin a Wilson 95% interval around its probability", () => {
    const { presentation: p } = run({ pre: matched, post: matched, groupBy: [{ dim: "ori_difference" }] });
    const z = 1.959963984540054;
    p.table.rows.forEach((row) => {
      const [n, k, lo, hi] = ["possible_pairs", "connected_pairs", "ci_low", "ci_high"].map((c) =>
        Number(row[p.table.columns.indexOf(c)]),
      );
      const ph = k! / n!;
      const mid = (ph + (z * z) / (2 * n!)) / (1 + (z * z) / n!);
      const half = (z * Math.sqrt((ph * (1 - ph)) / n! + (z * z) / (4 * n! * n!))) / (1 + (z * z) / n!);
      expect(lo).toBeCloseTo(mid - half, 5);
      expect(hi).toBeCloseTo(mid + half, 5);
      expect(lo!).toBeLessThan(ph);
      expect(hi!).toBeGreaterThan(ph);
    });
  });

  it("says the numbers of the most similar and most different bins, with pair counts, and claims no significance", () => {
    const { presentation: p, compiled } = run({
      pre: matched,
      post: matched,
      groupBy: [{ dim: "ori_difference" }],
      chart: "bar",
    });
    const g = gold(22.5);
    const fmt = (n: number) => n.toLocaleString("en-US");
    expect(p.headline).toContain(`${fmt(g[0]![2]!)} connected of ${fmt(g[0]![1]!)} pairs`);
    expect(p.headline).toContain(`${fmt(g[3]![2]!)} connected of ${fmt(g[3]![1]!)} pairs`);
    expect(p.headline).toMatch(/no significance test was run/);
    expect(p.headline).not.toMatch(/significant(ly)? (higher|more|different)/);
    expect(p.chart).toMatchObject({
      kind: "errorbar",
      x: "ori_difference",
      y: "connection_probability",
      low: "ci_low",
      high: "ci_high",
    });
    expect(compiled.reading).toMatch(/points with 95% intervals/);
  });

  it("never enumerates the pairs: the SQL reads the connection table once and no cross join of the populations", () => {
    const { compiled } = run({ pre: matched, post: matched, groupBy: [{ dim: "ori_difference" }] });
    const text = compiled.statements[0]!.sql;
    expect(text).not.toMatch(/FROM a JOIN b ON a\.r != b\.r|a\.r <> b\.r/);
    expect(text.match(/FROM a CROSS JOIN connection/g)).toHaveLength(1);
  });
});

describe("reading like-to-like with a second grouping", () => {
  const reader = new OfflineReader(Vocabulary.load(join(DATA_DIR, "vocabulary.json")));
  const groupsOf = async (q: string) => {
    const r = await reader.plan(q);
    if (r.type !== "plan" || r.plan.kind !== "query") {
      throw new Error(`${q}: ${r.type === "clarify" ? r.message : r.type}`);
    }
    return r.plan.groupBy;
  };

  it("reads a grouping said of both sides as both roots in one group, and a side said as that side's", async () => {
    expect(await groupsOf("like-to-like per area")).toEqual([{ dim: "area" }, { dim: "ori_difference", width: 22.5 }]);
    expect(await groupsOf("connection probability vs Δori for each cell type")).toEqual([
      { dim: "cell_type" },
      { dim: "ori_difference", width: 22.5 },
    ]);
    const tested = await reader.plan("like-to-like among 23P cells, p-value from 2000 shuffles");
    expect(tested.type === "plan" && tested.plan.kind === "query" && tested.plan.test).toEqual({
      kind: "permutation",
      permutations: 2000,
    });
    expect(await groupsOf("like-to-like per presynaptic area")).toEqual([
      { dim: "area", side: "pre" },
      { dim: "ori_difference", width: 22.5 },
    ]);
  });
});
