import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryPlan } from "../src/planning/plan.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { join } from "node:path";
import { DATA_DIR } from "../src/project-root.js";
import { loadGeometry } from "../src/answers/geometry.js";
import { readCatalog } from "../src/querying/catalog.js";
import { compilePlan, type CompileContext } from "../src/querying/compile/index.js";
import { buildBenchData, goldRows, judge, loadRaw } from "./support/question-bench.js";
import { PLAN_CASES as CASES, R_BC, root } from "./support/plan-cases.js";

/**
 * The plan language, compiled and run against the store, each plan's answer checked against gold
 * SQL over the raw exports (the cases are in support/plan-cases.ts): the compiler's exactness,
 * apart from how questions are read.
 */

let ctx: CompileContext;
let store: Database.Database;
let raw: Database.Database;
const params: Record<string, string> = {};

beforeAll(async () => {
  const data = await buildBenchData({ cells: 2000, seed: 11 });
  raw = loadRaw(data.dir);
  params.R = String(goldRows(raw, `SELECT ${R_BC}`)[0]![0]);
  store = new Database(data.db, { readonly: true });
  store.defaultSafeIntegers(true);
  ctx = {
    catalog: readCatalog(data.db),
    vocabulary: Vocabulary.load(join(DATA_DIR, "vocabulary.json")),
    geometry: loadGeometry(),
  };
});

afterAll(() => {
  store?.close();
  raw?.close();
});

const plain = (v: unknown) =>
  typeof v === "bigint" ? (v > BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v)) : v;

describe("plans compile to exact answers", () => {
  for (const c of CASES) {
    it(c.it, () => {
      const plan = QueryPlan.parse(JSON.parse(JSON.stringify(c.plan).replace(/\{R\}/g, params.R!)));
      const compiled = compilePlan(ctx, plan);
      const results = compiled.statements.map((s) => {
        const stmt = store.prepare(s.sql);
        return {
          columns: stmt.columns().map((x) => x.name),
          rows: (stmt.raw(true).all(...s.params) as unknown[][]).map((r) => r.map(plain)) as (
            string | number | null
          )[][],
          truncated: false,
        };
      });
      const p = compiled.present(results);
      const gold = goldRows(raw, c.gold);
      const verdict = judge(c.expect, gold, { status: "answered", text: p.headline, table: p.table }, c.k);
      expect(verdict.ok, `${compiled.reading}\n${p.headline}\n${verdict.why}\n${compiled.statements[0]!.sql}`).toBe(
        true,
      );
      expect(compiled.reading).toMatch(/^Read as: /);
    });
  }
});

describe("plans find one neuron's rows through its own index", () => {
  it("reads one root's partners that are neurons by the root, not by every neuron of the store", () => {
    const plan = QueryPlan.parse({
      kind: "query",
      source: "connections",
      pre: [root(params.R!)],
      post: [{ dim: "class", values: ["neuron"] }],
      measure: { fn: "distinct", side: "post" },
    });
    const s = compilePlan(ctx, plan).statements[0]!;
    const steps = store.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[];
    const connection = steps.map((x) => x.detail).filter((d) => / c USING /.test(d));
    expect(connection.join("\n")).toMatch(/SEARCH c USING PRIMARY KEY \(pre_pt_root_id=\?\)/);
  });
});
