/**
 * Judging an answer against gold rows, as ../shared/eval/check.py judges them (for the question
 * bench, question-bench.ts, and the bank).
 */
import type { GoldValue } from "./raw-views.js";

type Norm = bigint | number | string | null;

/** check.py's norm: numbers stay numbers (integers exact), digit strings become numbers, text is lower case. */
export function norm(v: unknown): Norm {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  const s = String(v).trim().replace(/,/g, "");
  if (/^[-+]?\d+$/.test(s)) return BigInt(s);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
  return s.toLowerCase();
}

/** Integers exactly; floats within 1e-3 relative (0.01 absolute at least); text exactly. */
export function same(a: unknown, b: unknown): boolean {
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "bigint" && typeof y === "bigint") return x === y;
  if ((typeof x === "bigint" || typeof x === "number") && (typeof y === "bigint" || typeof y === "number")) {
    const p = Number(x);
    const q = Number(y);
    return Math.abs(p - q) <= Math.max(1e-3 * Math.max(Math.abs(p), Math.abs(q)), 0.01);
  }
  return x === y;
}

const key = (v: unknown) => {
  const n = norm(v);
  return typeof n === "bigint" ? `i:${n}` : typeof n === "number" ? `f:${n}` : `s:${String(n)}`;
};

export interface AnswerLike {
  status: string;
  text: string;
  table?: { columns: string[]; rows: unknown[][] };
}

function columns(table: AnswerLike["table"]): unknown[][] {
  const rows = table?.rows ?? [];
  const n = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return Array.from({ length: n }, (_, i) => rows.map((r) => (i < r.length ? r[i] : null)));
}

export type Expect = "scalar" | "ranked" | "pairs" | "set" | "triples";

/** Whether an answered question's table agrees with the gold rows; a reason when it does not. */
export function judge(kind: Expect, gold: GoldValue[][], answer: AnswerLike, k?: number): { ok: boolean; why: string } {
  if (answer.status !== "answered") return { ok: false, why: `status ${answer.status}: ${answer.text.split("\n")[0]}` };
  const table = answer.table;
  const cols = columns(table);
  const shown = JSON.stringify(table?.rows.slice(0, 6));
  if (kind === "scalar") {
    const want = gold[0]?.[0] ?? null;
    // (A mean or a maximum over no rows is NULL in SQL: an answer with no rows says the same.)
    if (want === null && (table?.rows.length ?? 0) === 0) return { ok: true, why: "" };
    for (const row of (table?.rows ?? []).slice(0, 5)) if (row.some((v) => same(v, want))) return { ok: true, why: "" };
    return { ok: false, why: `expected ${want}, got ${shown}` };
  }
  if (gold.length === 0) {
    // Nothing to list (a group none of the sample's cells is in): right only when the answer lists
    // nothing either. (check.py has no column to look in here and judges it wrong either way.)
    const n = table?.rows.length ?? 0;
    return { ok: n === 0, why: n === 0 ? "" : `expected no rows, got ${shown}` };
  }
  if (kind === "ranked") {
    const top = k ?? gold.length;
    const metric = new Map(gold.map((r) => [key(r[0]), r[1]]));
    const want = gold.slice(0, top).map((r) => r[1]);
    for (const c of cols) {
      const got = c.slice(0, top).map((v) => metric.get(key(v)));
      if (got.length === want.length && got.every((x, i) => x !== undefined && same(x, want[i])))
        return { ok: true, why: "" };
    }
    return { ok: false, why: `expected top ${top} ${JSON.stringify(gold.slice(0, top))}, got ${shown}` };
  }
  if (kind === "set") {
    const want = new Set(gold.map((r) => key(r[0])));
    for (const c of cols) {
      const got = new Set(c.map(key));
      if (got.size === want.size && [...want].every((w) => got.has(w))) return { ok: true, why: "" };
    }
    return { ok: false, why: `expected a set of ${want.size}, got ${shown}` };
  }
  if (kind === "triples") {
    // A matrix: two key columns (pre, post) and a value column that agree with every gold triple.
    const n = cols.length;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++)
        for (let v = 0; v < n; v++) {
          if (a === b || a === v || b === v) continue;
          const got = new Map(cols[a]!.map((x, i) => [`${key(x)}|${key(cols[b]![i])}`, cols[v]![i]]));
          if (
            gold.every(([ga, gb, gv]) => same(got.get(`${key(ga)}|${key(gb)}`), gv) && got.has(`${key(ga)}|${key(gb)}`))
          )
            return { ok: true, why: "" };
        }
    return {
      ok: false,
      why: `expected ${gold.length} (pre, post, value) triples ${JSON.stringify(gold.slice(0, 4))}, got ${shown}`,
    };
  }
  // pairs: a key column and a value column that agree with every gold pair
  for (const kc of cols) {
    for (const vc of cols) {
      if (kc === vc) continue;
      const got = new Map(kc.map((k2, i) => [key(k2), vc[i]]));
      if (gold.every(([gk, gv]) => got.has(key(gk)) && same(got.get(key(gk)), gv))) return { ok: true, why: "" };
    }
  }
  return { ok: false, why: `expected ${gold.length} pairs ${JSON.stringify(gold.slice(0, 6))}, got ${shown}` };
}
