import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGeometry } from "../src/answers/geometry.js";
import { QueryPlan } from "../src/planning/plan.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DATA_DIR } from "../src/project-root.js";
import { join } from "node:path";
import { readCatalog } from "../src/querying/catalog.js";
import { compilePlan, type CompileContext } from "../src/querying/compile/index.js";
import { buildSpec } from "../src/charts/spec.js";
import { buildTestStore } from "./support/store.js";

/*
 * Two quantities of the same cells, one against the other ("gOSI vs depth"): the reading, the rows
 * against plain SQL over the store's own tables, and the chart (a scatter whose vertical axis grows
 * upward unless it is a depth).
 */
let ctx: CompileContext;
let store: Database.Database;
const vocabulary = Vocabulary.load(join(DATA_DIR, "vocabulary.json"));
const reader = new OfflineReader(vocabulary);

beforeAll(async () => {
  const { db } = await buildTestStore({ cells: 1500, seed: 3 });
  store = new Database(db, { readonly: true });
  ctx = { catalog: readCatalog(db), vocabulary, geometry: loadGeometry() };
}, 120_000);

async function plan(q: string) {
  const r = await reader.plan(q);
  if (r.type !== "plan") throw new Error(`${q}: ${r.type === "clarify" ? r.message : r.type}`);
  return r.plan;
}

function run(p: QueryPlan) {
  const compiled = compilePlan(ctx, p);
  const results = compiled.statements.map((s) => {
    const stmt = store.prepare(s.sql);
    const rows = stmt.raw(true).all(...s.params) as never[][];
    return { columns: stmt.columns().map((c) => c.name), rows, truncated: false };
  });
  return { compiled, presentation: compiled.present(results) };
}

describe("two quantities against each other", () => {
  it("reads 'A vs B', 'A against B' and 'A versus B' as a scatter of cells, A up the vertical axis", async () => {
    expect(await plan("gOSI vs depth")).toMatchObject({
      source: "cells",
      measure: { fn: "list", with: ["osi", "depth"] },
      chart: "scatter",
    });
    expect(await plan("gOSI vs gDSI of 23P cells")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "list", with: ["osi", "dsi"] },
    });
    expect(await plan("plot soma depth against preferred orientation")).toMatchObject({
      measure: { fn: "list", with: ["depth", "pref_ori"] },
    });
    // (A histogram or a mean of one against the other is another question: not read as a scatter.)
    expect((await reader.plan("mean gOSI vs depth")).type).toBe("clarify");
  });

  it("gives each tuned 23P cell's gOSI and gDSI exactly, and draws them upward", async () => {
    const { presentation: p, compiled } = run(await plan("gOSI vs gDSI of 23P cells"));
    const want = store
      .prepare(
        `SELECT ct.target_id, t.osi, t.dsi
      FROM cell_type ct JOIN cell_tuning t ON t.target_id = ct.target_id WHERE ct.cell_type = '23P'
      ORDER BY ct.target_id`,
      )
      .raw(true)
      .all() as number[][];
    const at = (c: string) => p.table.columns.indexOf(c);
    expect(p.table.rows.map((r) => [r[at("nucleus_id")], r[at("gosi")], r[at("gdsi")]])).toEqual(want);
    expect(compiled.reading).toMatch(/gOSI plotted against its gDSI, as a scatter chart/);
    expect(p.chart).toMatchObject({ kind: "scatter", x: "gdsi", y: "gosi", yUp: true });
    const spec = buildSpec({ kind: "scatter", title: "t", table: p.table, x: "gdsi", y: "gosi", yUp: true }) as never;
    expect(JSON.stringify(spec)).toContain('"reverse":false');
  });

  it("counts the cells without both values, and keeps a depth axis pointing down", async () => {
    const { presentation: p } = run(await plan("plot soma depth against preferred orientation"));
    const [cells, tuned] = store
      .prepare(
        `SELECT count(*), count(t.target_id) FROM nucleus n
      LEFT JOIN cell_tuning t ON t.target_id = n.id`,
      )
      .raw(true)
      .get() as number[];
    expect(p.headline).toContain(`${tuned!.toLocaleString("en-US")} of all ${cells!.toLocaleString("en-US")} cells`);
    expect(p.chart).toMatchObject({ y: "depth_um", x: "pref_ori_deg", depthLayers: true });
    expect(p.chart).not.toHaveProperty("yUp");
  });
});
