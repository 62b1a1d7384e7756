import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeometry } from "../src/answers/geometry.js";
import { QueryPlan } from "../src/planning/plan.js";
import { planShapeProblem } from "../src/planning/plan-check.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR, PROJECT_ROOT } from "../src/project-root.js";
import { readCatalog } from "../src/querying/catalog.js";
import { compilePlan, type CompileContext } from "../src/querying/compile/index.js";
import { importTables } from "../src/store/import/importer.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { loadRaw } from "./support/question-bench.js";

/*
 * The tuning of a neuron's partners against plain SQL over the raw exports of the shared generator:
 * one tuning per root (its nucleus with the best cc_abs), degrees = radians × 180 / π, the circular
 * orientation difference min(|a − b|, 180 − |a − b|), partners and synapse counts from the synapses.
 */
let ctx: CompileContext;
let store: Database.Database;
let raw: Database.Database;
let busy: string;
let target: string;

const BEST = `SELECT DISTINCT pt_root_id AS r, pref_ori * 180 / 3.141592653589793 AS ori,
  pref_dir * 180 / 3.141592653589793 AS dir, gOSI AS osi, gDSI AS dsi FROM func_best f
  WHERE pt_root_id != 0 AND cc_abs = (SELECT max(cc_abs) FROM func_best g WHERE g.pt_root_id = f.pt_root_id)`;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "cc-partner-tuning-"));
  const dir = join(root, "export");
  const script = join(PROJECT_ROOT, "..", "shared", "eval", "make_cave_export.py");
  execFileSync("python3", [script, dir, "--cells", "2000", "--seed", "7"], { stdio: "pipe" });
  await importTables({ paths: [dir], db: join(root, "store.db") });
  raw = loadRaw(dir);
  store = new Database(join(root, "store.db"), { readonly: true });
  store.defaultSafeIntegers(true);
  ctx = {
    catalog: readCatalog(join(root, "store.db")),
    vocabulary: Vocabulary.load(join(DATA_DIR, "vocabulary.json")),
    geometry: loadGeometry(),
  };
  // The tuned root with the most tuned postsynaptic partners, and the one with the most tuned inputs.
  const most = (mine: string, theirs: string) =>
    String(
      raw
        .prepare(
          `WITH t AS (${BEST}) SELECT ${mine} FROM syn
    WHERE ${mine} IN (SELECT r FROM t) AND ${theirs} IN (SELECT r FROM t) AND ${mine} != ${theirs}
    GROUP BY 1 ORDER BY count(DISTINCT ${theirs}) DESC, 1 LIMIT 1`,
        )
        .pluck()
        .get(),
    );
  busy = most("pre_pt_root_id", "post_pt_root_id");
  target = most("post_pt_root_id", "pre_pt_root_id");
}, 120_000);

afterAll(() => {
  store?.close();
  raw?.close();
});

function run(plan: object) {
  const parsed = QueryPlan.parse({ kind: "query", source: "connections", ...plan });
  expect(planShapeProblem(parsed)).toBeUndefined();
  const compiled = compilePlan(ctx, parsed);
  const results = compiled.statements.map((s) => {
    const stmt = store.prepare(s.sql);
    const rows = (stmt.raw(true).all(...s.params) as unknown[][]).map((r) =>
      r.map((v) => (typeof v === "bigint" ? String(v) : v)),
    );
    return { columns: stmt.columns().map((c) => c.name), rows: rows as (string | number | null)[][], truncated: false };
  });
  return { compiled, presentation: compiled.present(results) };
}

/** Plain SQL rows as {key: [values]}, keys as strings. */
function gold(text: string): Map<string, number[]> {
  const rows = raw.prepare(text).raw(true).all() as unknown[][];
  return new Map(rows.map((r) => [String(r[0]), r.slice(1).map(Number)]));
}

function byKey(table: { columns: string[]; rows: unknown[][] }, key: string, values: string[]): Map<string, number[]> {
  const at = (c: string) => table.columns.indexOf(c);
  return new Map(table.rows.map((r) => [String(r[at(key)]), values.map((c) => Number(r[at(c)]))]));
}

function expectSame(got: Map<string, number[]>, want: Map<string, number[]>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, vs] of want) vs.forEach((v, i) => expect(got.get(k)![i]).toBeCloseTo(v, 3));
}

const pinned = (id: string) => [{ dim: "root_id", values: [id] }];

describe("tuning of a neuron's partners", () => {
  it("lists the preferred orientation of each tuned postsynaptic partner, with its synapses, as plain SQL", () => {
    const { presentation: p, compiled } = run({
      pre: pinned(busy),
      measure: { fn: "list", with: ["pref_ori"], side: "post" },
    });
    const want = gold(`WITH t AS (${BEST}) SELECT s.post_pt_root_id, count(*), t.ori
      FROM syn s JOIN t ON t.r = s.post_pt_root_id
      WHERE s.pre_pt_root_id = ${busy} GROUP BY 1`);
    expect(want.size).toBeGreaterThan(3);
    expectSame(byKey(p.table, "post_pt_root_id", ["synapses", "post_pref_ori_deg"]), want);
    const all = Number(
      raw
        .prepare(
          `SELECT count(DISTINCT post_pt_root_id) FROM syn
      WHERE pre_pt_root_id = ${busy}`,
        )
        .pluck()
        .get(),
    );
    expect(p.headline).toContain(`Of ${all} connections from root ${busy} onto any cell or fragment, ${want.size} `);
    expect(compiled.reading).toMatch(/the postsynaptic root.s preferred orientation \(°\)/);
  });

  it("gives the circular orientation difference between a neuron and each tuned input, 0–90°", () => {
    const { presentation: p } = run({
      post: pinned(target),
      measure: { fn: "list", with: ["ori_difference", "osi"], side: "pre" },
    });
    const want = gold(`WITH t AS (${BEST}) SELECT s.pre_pt_root_id, count(*),
        min(abs(a.ori - b.ori), 180 - abs(a.ori - b.ori)), a.osi
      FROM syn s JOIN t a ON a.r = s.pre_pt_root_id JOIN t b ON b.r = s.post_pt_root_id
      WHERE s.post_pt_root_id = ${target} GROUP BY 1`);
    expectSame(byKey(p.table, "pre_pt_root_id", ["synapses", "ori_difference_deg", "pre_gosi"]), want);
    for (const [, v] of want) expect(v[1]!).toBeLessThanOrEqual(90);
  });

  it("gives the partners' angles in radians on request, as the table holds them", () => {
    const { presentation: p, compiled } = run({
      pre: pinned(busy),
      radians: true,
      measure: { fn: "list", with: ["pref_ori", "ori_difference"], side: "post" },
    });
    const want = gold(`WITH t AS (${BEST}) SELECT s.post_pt_root_id, t.ori * 3.141592653589793 / 180,
        min(abs(a.ori - t.ori), 180 - abs(a.ori - t.ori)) * 3.141592653589793 / 180
      FROM (SELECT DISTINCT pre_pt_root_id, post_pt_root_id FROM syn WHERE pre_pt_root_id = ${busy}) s
      JOIN t ON t.r = s.post_pt_root_id JOIN t a ON a.r = s.pre_pt_root_id`);
    expectSame(byKey(p.table, "post_pt_root_id", ["post_pref_ori_rad", "ori_difference_rad"]), want);
    expect(compiled.reading).toMatch(/preferred orientation \(radians\)/);
    expect(compiled.reading).not.toMatch(/°/);
  });

  it("averages a partner quantity, and takes a median of the orientation differences, as plain SQL", () => {
    const mean = run({ pre: pinned(busy), measure: { fn: "mean", of: "osi", side: "post" } }).presentation;
    const want = Number(
      raw
        .prepare(
          `WITH t AS (${BEST}) SELECT avg(t.osi)
      FROM (SELECT DISTINCT post_pt_root_id AS q FROM syn
      WHERE pre_pt_root_id = ${busy}) s JOIN t ON t.r = s.q`,
        )
        .pluck()
        .get(),
    );
    expect(Number(mean.table.rows[0]![0])).toBeCloseTo(want, 6);
    const median = run({ pre: pinned(busy), measure: { fn: "median", of: "ori_difference" } }).presentation;
    const ds = (
      raw
        .prepare(
          `WITH t AS (${BEST}) SELECT min(abs(a.ori - b.ori), 180 - abs(a.ori - b.ori)) AS d
      FROM (SELECT DISTINCT pre_pt_root_id AS p, post_pt_root_id AS q FROM syn WHERE pre_pt_root_id = ${busy}) s
      JOIN t a ON a.r = s.p JOIN t b ON b.r = s.q ORDER BY d`,
        )
        .pluck()
        .all() as number[]
    ).map(Number);
    const mid = ds.length % 2 ? ds[(ds.length - 1) / 2]! : (ds[ds.length / 2 - 1]! + ds[ds.length / 2]!) / 2;
    expect(Number(median.table.rows[0]![0])).toBeCloseTo(mid, 6);
  });

  it("bins the tuned partners' orientations over 0–180°, every tuned partner once", () => {
    const { presentation: p } = run({
      pre: pinned(busy),
      measure: { fn: "histogram", of: "pref_ori", side: "post", bins: 18 },
    });
    const want = Number(
      raw
        .prepare(
          `WITH t AS (${BEST}) SELECT count(*) FROM (SELECT DISTINCT post_pt_root_id AS q
      FROM syn WHERE pre_pt_root_id = ${busy}) s JOIN t ON t.r = s.q`,
        )
        .pluck()
        .get(),
    );
    expect(p.table.rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(want);
    expect(p.table.rows.every((r) => Number(r[0]) >= 0 && Number(r[1]) <= 180)).toBe(true);
  });

  it("refuses plans that name a partner's tuning without its side, or a side on cells", () => {
    const noSide = QueryPlan.parse({
      kind: "query",
      source: "connections",
      pre: pinned(busy),
      measure: { fn: "mean", of: "osi" },
    });
    expect(planShapeProblem(noSide)).toMatch(/needs its side/);
    const onCells = QueryPlan.parse({
      kind: "query",
      source: "cells",
      measure: { fn: "mean", of: "osi", side: "post" },
    });
    expect(planShapeProblem(onCells)).toMatch(/belongs to connections/);
  });
});

describe("reading questions about a neuron's partners' tuning", () => {
  const reader = new OfflineReader(Vocabulary.load(join(DATA_DIR, "vocabulary.json")));
  const X = "864691135019585047";
  const plan = async (q: string) => {
    const r = await reader.plan(q);
    if (r.type !== "plan") throw new Error(`${q}: ${r.type === "clarify" ? r.message : r.type}`);
    return r.plan;
  };
  const root = [{ dim: "root_id", values: [X] }];

  it("reads a partner's preferred orientation, its tuning, gOSI statistics and orientation differences", async () => {
    expect(await plan(`pref ori of ${X}'s outputs`)).toMatchObject({
      source: "connections",
      pre: root,
      post: [],
      measure: { fn: "list", with: ["pref_ori"], side: "post" },
    });
    expect(await plan(`tuning of the inputs of ${X}`)).toMatchObject({
      source: "connections",
      post: root,
      pre: [],
      measure: { fn: "list", with: ["pref_ori", "pref_dir", "osi", "dsi"], side: "pre" },
    });
    expect(await plan(`Δori between ${X} and its postsynaptic partners`)).toMatchObject({
      pre: root,
      measure: { fn: "list", with: ["ori_difference"] },
    });
    expect(await plan(`how far are ${X}'s targets' preferred orientations from its own`)).toMatchObject({
      pre: root,
      measure: { fn: "list", with: ["ori_difference"] },
    });
    const counts = `Δori between ${X} and its postsynaptic partners, with the synapse count per partner`;
    expect(await plan(counts)).toMatchObject({
      measure: { fn: "list", with: ["ori_difference"] },
    });
    expect(await plan(`median gDSI of ${X}'s functionally matched targets`)).toMatchObject({
      pre: root,
      post: [{ dim: "coregistered", is: true }],
      measure: { fn: "median", of: "dsi", side: "post" },
    });
  });

  it("reads a histogram of the partners' values, and a synapse threshold on each connection", async () => {
    expect(await plan(`histogram of pref ori of ${X}'s outputs`)).toMatchObject({
      pre: root,
      measure: { fn: "histogram", of: "pref_ori", side: "post", bins: 18 },
      chart: "histogram",
    });
    expect(await plan(`gDSI of ${X}'s inputs with at least 2 synapses`)).toMatchObject({
      post: root,
      filter: [{ dim: "synapses", min: 2 }],
      measure: { fn: "list", with: ["dsi"], side: "pre" },
    });
  });

  it("asks back rather than guess the side of bare partners, or drop radians where not offered", async () => {
    const partners = await reader.plan(`pref ori of ${X}'s partners`);
    expect(partners.type === "clarify" && partners.message).toMatch(/inputs \(presynaptic\) or its outputs/);
    const far = await reader.plan(`how far are ${X}'s partners' preferences from its own`);
    expect(far.type === "clarify" && far.message).toMatch(/inputs \(presynaptic\) or its outputs/);
    const what = await reader.plan(`how far are ${X}'s targets' preferences from its own`);
    expect(what.type === "clarify" && what.message).toMatch(/difference in preferred orientation/);
    // (Radians are offered for a list of the partners' angles, not for a statistic or a histogram.)
    expect(await plan(`pref ori of ${X}'s outputs in radians`)).toMatchObject({
      radians: true,
      measure: { fn: "list", with: ["pref_ori"] },
    });
    const radians = await reader.plan(`histogram of pref ori of ${X}'s outputs in radians`);
    expect(radians.type).toBe("clarify");
  });
});
